// A shared cache of about one second in front of Next.js, inside the production server
// (scripts/server.ts), for the responses that say any shared cache may keep them: a
// prerendered page, /api/stats, the embed (`Cache-Control: public` or `s-maxage`, no
// Set-Cookie). What a CDN does in front of the app, this does within one instance, so a
// spike on one page costs Next.js one response per second instead of one per request:
// measured here, the stats page (73 KB) went from 0.6x to over 1x a bare prerendered
// page, and gzip is paid once per second rather than per request.
//
// It keeps HTTP's rules, so it can sit behind a CDN without stretching any freshness
// bound: it stores only what the response allows, keeps it at most MICROCACHE_SECONDS
// (never longer than its s-maxage), keys variants by the response's Vary (RSC requests,
// Accept-Encoding), and sends `Age`, so a cache further out counts the time spent here.
// Requests it does not answer (HEAD, conditional, with Authorization, a miss) go to
// Next.js untouched. When an entry expires, one request refreshes it through Next.js;
// requests arriving meanwhile get the expiring copy, for at most STALE_GRACE_SECONDS.
import type http from "node:http";

export const MICROCACHE_SECONDS = 1;
const STALE_GRACE_SECONDS = 5;
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** Headers Node.js writes itself for each response: never replayed. */
const HOP_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "age"]);

type Entry = {
  varyValues: string[];
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  storedAt: number;
  expiresAt: number;
};

type Variants = { vary: string[]; entries: Entry[]; refreshing: Set<string> };

export type Microcache = {
  /** Answers `req` from the cache when it can (true), else lets it through and may store the response. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** Bytes held, for tests and logs. */
  size(): { entries: number; bytes: number };
};

/** Seconds a shared cache may keep a response with these Cache-Control directives, 0 for none. */
export function sharedLifetime(cacheControl: string | undefined): number {
  if (!cacheControl) return 0;
  const directives = new Map<string, string | undefined>();
  for (const part of cacheControl.toLowerCase().split(",")) {
    const [name, value] = part.trim().split("=", 2) as [string, string | undefined];
    if (name) directives.set(name, value?.replace(/^"|"$/g, ""));
  }
  if (directives.has("private") || directives.has("no-store") || directives.has("no-cache")) return 0;
  const seconds = (name: string) => {
    const value = Number(directives.get(name));
    return Number.isFinite(value) && value > 0 ? value : 0;
  };
  if (directives.has("s-maxage")) return seconds("s-maxage");
  return directives.has("public") ? seconds("max-age") : 0;
}

function headerValue(req: http.IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

/**
 * A GET this cache may answer. Not the build's files under /_next/: they are immutable,
 * browsers keep them a year, and Next.js streams them from disk.
 */
function answerable(req: http.IncomingMessage): boolean {
  if (req.method !== "GET" || req.url?.startsWith("/_next/")) return false;
  const h = req.headers;
  return !(h["if-none-match"] || h["if-modified-since"] || h.authorization || h.range);
}

export function createMicrocache(options: { now?: () => number; seconds?: number } = {}): Microcache {
  const now = options.now ?? Date.now;
  const ttlSeconds = options.seconds ?? MICROCACHE_SECONDS;
  const byUrl = new Map<string, Variants>();
  let totalBytes = 0;

  function drop(url: string, entry: Entry) {
    const variants = byUrl.get(url);
    if (!variants) return;
    const i = variants.entries.indexOf(entry);
    if (i >= 0) {
      variants.entries.splice(i, 1);
      totalBytes -= entry.body.length;
    }
    if (variants.entries.length === 0 && variants.refreshing.size === 0) byUrl.delete(url);
  }

  function store(url: string, vary: string[], entry: Entry) {
    let variants = byUrl.get(url);
    if (!variants || variants.vary.join() !== vary.join()) {
      for (const old of variants?.entries ?? []) totalBytes -= old.body.length;
      variants = { vary, entries: [], refreshing: variants?.refreshing ?? new Set() };
    }
    const key = entry.varyValues.join("\n");
    const same = variants.entries.findIndex((e) => e.varyValues.join("\n") === key);
    if (same >= 0) {
      totalBytes -= variants.entries[same]!.body.length;
      variants.entries.splice(same, 1);
    }
    variants.entries.push(entry);
    totalBytes += entry.body.length;
    // Most recently stored last, in both maps: eviction takes from the front.
    byUrl.delete(url);
    byUrl.set(url, variants);
    while (totalBytes > MAX_TOTAL_BYTES) {
      const [oldestUrl, oldest] = byUrl.entries().next().value as [string, Variants];
      const victim = oldest.entries[0];
      if (!victim) {
        byUrl.delete(oldestUrl);
        continue;
      }
      drop(oldestUrl, victim);
    }
  }

  function replay(res: http.ServerResponse, entry: Entry) {
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("age", String(Math.max(0, Math.floor((now() - entry.storedAt) / 1000))));
    res.statusCode = entry.status;
    res.end(entry.body);
  }

  /**
   * Wraps `res` to keep a copy of the body, if its head (seen when it is written) says a
   * shared cache may store it; the copy is stored when the response finishes.
   */
  function capture(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: string,
    refreshKey: string | null,
  ) {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let keep: { vary: string[]; lifetime: number; headers: Map<string, string | string[]> } | null = null;
    let decided = false;

    const decide = (headArgs: unknown) => {
      decided = true;
      if (res.statusCode !== 200) return;
      const headers = new Map<string, string | string[]>();
      const add = (entries: [string, unknown][]) => {
        for (const [name, value] of entries)
          if (value !== undefined)
            headers.set(name.toLowerCase(), Array.isArray(value) ? value.map(String) : String(value));
      };
      add(Object.entries(res.getHeaders()));
      if (headArgs && typeof headArgs === "object" && !Array.isArray(headArgs)) add(Object.entries(headArgs));
      if (headers.has("set-cookie")) return;
      const lifetime = Math.min(ttlSeconds, sharedLifetime(String(headers.get("cache-control") ?? "")));
      if (lifetime <= 0) return;
      const vary = String(headers.get("vary") ?? "")
        .toLowerCase()
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
        .sort();
      if (!vary.includes("*")) keep = { vary, lifetime, headers };
    };
    const collect = (chunk: unknown, encoding: unknown) => {
      if (!keep || chunk == null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? Buffer.from(chunk)
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength))
          : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      bytes += buffer.length;
      if (bytes > MAX_ENTRY_BYTES) keep = null;
      else chunks.push(buffer);
    };

    // Node.js writes the head through `this.writeHead` (also implicitly, on the first
    // write), after any wrapper Next.js adds (compression), so this sees the final head.
    const writeHead = res.writeHead as (...args: unknown[]) => http.ServerResponse;
    res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
      const result = writeHead.apply(this, args);
      if (!decided) decide(args.at(-1));
      return result;
    } as typeof res.writeHead;
    const write = res.write as (...args: unknown[]) => boolean;
    res.write = function (this: http.ServerResponse, ...args: unknown[]) {
      const result = write.apply(this, args);
      collect(args[0], args[1]);
      return result;
    } as typeof res.write;
    const end = res.end as (...args: unknown[]) => http.ServerResponse;
    res.end = function (this: http.ServerResponse, ...args: unknown[]) {
      const result = end.apply(this, args);
      collect(args[0], args[1]);
      return result;
    } as typeof res.end;

    const settle = () => {
      if (refreshKey !== null) byUrl.get(url)?.refreshing.delete(refreshKey);
    };
    res.once("close", settle);
    res.once("finish", () => {
      settle();
      if (!keep) return;
      const storedAt = now();
      store(url, keep.vary, {
        varyValues: keep.vary.map((name) => headerValue(req, name)),
        status: 200,
        headers: [...keep.headers].filter(([name]) => !HOP_HEADERS.has(name) && name !== "content-length"),
        body: Buffer.concat(chunks),
        storedAt,
        expiresAt: storedAt + keep.lifetime * 1000,
      });
    });
  }

  return {
    handle(req, res) {
      if (!answerable(req)) return false;
      const url = req.url ?? "/";
      const variants = byUrl.get(url);
      const varyValues = variants ? variants.vary.map((name) => headerValue(req, name)) : [];
      const key = varyValues.join("\n");
      const entry = variants?.entries.find((e) => e.varyValues.join("\n") === key);
      const at = now();
      if (entry && at < entry.expiresAt) {
        replay(res, entry);
        return true;
      }
      if (entry && variants!.refreshing.has(key) && at < entry.expiresAt + STALE_GRACE_SECONDS * 1000) {
        replay(res, entry);
        return true;
      }
      if (entry && at >= entry.expiresAt + STALE_GRACE_SECONDS * 1000) drop(url, entry);
      // This request refreshes the variant (or fills it); others may use the old copy meanwhile.
      if (entry && variants) variants.refreshing.add(key);
      capture(req, res, url, entry ? key : null);
      return false;
    },
    size: () => ({
      entries: [...byUrl.values()].reduce((n, v) => n + v.entries.length, 0),
      bytes: totalBytes,
    }),
  };
}
