import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createMicrocache, sharedLifetime } from "@/lib/http/microcache";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server whose app is `app`, behind a microcache on a clock the test moves. */
async function serve(app: Handler) {
  const clock = { now: 1_000_000 };
  const cache = createMicrocache({ now: () => clock.now });
  let calls = 0;
  const server = http.createServer((req, res) => {
    if (cache.handle(req, res)) return;
    calls += 1;
    app(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path = "/page", headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  return { get, clock, cache, calls: () => calls, base };
}

const publicPage: Handler = (_req, res) => {
  res.setHeader("cache-control", "s-maxage=10, stale-while-revalidate=10");
  res.setHeader("content-security-policy", "script-src 'self' 'sha256-abc'");
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end("<p>Zoë’s page</p>");
};

describe("sharedLifetime: what Cache-Control lets a shared cache keep", () => {
  it("reads s-maxage first, then max-age only when public", () => {
    expect(sharedLifetime("public, max-age=10, s-maxage=20, stale-while-revalidate=20")).toBe(20);
    expect(sharedLifetime("s-maxage=10, stale-while-revalidate=10")).toBe(10);
    expect(sharedLifetime("public, max-age=3600")).toBe(3600);
    expect(sharedLifetime("max-age=3600")).toBe(0);
  });
  it("keeps nothing that is private, no-store or no-cache, or says nothing", () => {
    expect(sharedLifetime("private, no-cache, no-store, max-age=0, must-revalidate")).toBe(0);
    expect(sharedLifetime("public, no-store, s-maxage=10")).toBe(0);
    expect(sharedLifetime("no-cache, s-maxage=10")).toBe(0);
    expect(sharedLifetime(undefined)).toBe(0);
    expect(sharedLifetime("s-maxage=abc")).toBe(0);
  });
});

describe("createMicrocache (scripts/server.ts): one response per second per page", () => {
  it("answers a repeat from memory with the same head and body, and says its Age", async () => {
    const { get, calls, clock } = await serve(publicPage);
    const first = await get();
    clock.now += 900;
    const second = await get();
    expect(calls()).toBe(1);
    expect(second.body).toBe("<p>Zoë’s page</p>");
    expect(second.body).toBe(first.body);
    expect(second.headers.get("content-security-policy")).toBe("script-src 'self' 'sha256-abc'");
    expect(second.headers.get("cache-control")).toBe("s-maxage=10, stale-while-revalidate=10");
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(first.body)));
    expect(second.headers.get("age")).toBe("0");
    expect(first.headers.get("age")).toBeNull();
  });

  it("keeps an entry one second at most, however long the response allows", async () => {
    const { get, calls, clock } = await serve(publicPage);
    await get();
    clock.now += 1_000;
    await get();
    expect(calls()).toBe(2);
  });

  it("never keeps longer than the response's own s-maxage", async () => {
    const { get, calls } = await serve((_req, res) => {
      res.setHeader("cache-control", "public, s-maxage=0");
      res.end("fresh every time");
    });
    await get();
    await get();
    expect(calls()).toBe(2);
  });

  it.each([
    ["private", (res: http.ServerResponse) => res.setHeader("cache-control", "private, no-store")],
    ["no Cache-Control", (_res: http.ServerResponse) => {}],
    [
      "a Set-Cookie",
      (res: http.ServerResponse) => {
        res.setHeader("cache-control", "s-maxage=10");
        res.setHeader("set-cookie", "ref=abc; Path=/");
      },
    ],
    [
      "Vary: *",
      (res: http.ServerResponse) => {
        res.setHeader("cache-control", "s-maxage=10");
        res.setHeader("vary", "*");
      },
    ],
    [
      "status 404",
      (res: http.ServerResponse) => {
        res.setHeader("cache-control", "s-maxage=10");
        res.statusCode = 404;
      },
    ],
  ])("stores nothing with %s", async (_name, prepare) => {
    const { get, calls, cache } = await serve((_req, res) => {
      prepare(res);
      res.end("body");
    });
    await get();
    await get();
    expect(calls()).toBe(2);
    expect(cache.size().entries).toBe(0);
  });

  it("sees a head given to writeHead, as Next.js's route handlers give it", async () => {
    const { get, calls } = await serve((_req, res) => {
      res.writeHead(200, {
        "cache-control": "public, max-age=10, s-maxage=20",
        "content-type": "application/json",
      });
      res.write('{"a":');
      res.end("1}");
    });
    await get();
    const second = await get();
    expect(calls()).toBe(1);
    expect(second.body).toBe('{"a":1}');
    expect(second.headers.get("content-type")).toBe("application/json");
  });

  it("lets through what it must not answer: HEAD, POST, conditional, Authorization, /_next/", async () => {
    const { base, get, calls } = await serve(publicPage);
    await get();
    expect(calls()).toBe(1);
    await fetch(`${base}/page`, { method: "HEAD" });
    await fetch(`${base}/page`, { method: "POST", body: "x" });
    await get("/page", { "if-none-match": '"etag"' });
    await get("/page", { authorization: "Bearer x" });
    await get("/_next/static/chunk.js");
    await get("/_next/static/chunk.js");
    expect(calls()).toBe(7);
  });

  it("keys by the whole URL, query included", async () => {
    const { get, calls } = await serve((req, res) => {
      res.setHeader("cache-control", "s-maxage=10");
      res.end(req.url);
    });
    expect((await get("/page?a=1")).body).toBe("/page?a=1");
    expect((await get("/page?a=2")).body).toBe("/page?a=2");
    expect((await get("/page?a=1")).body).toBe("/page?a=1");
    expect(calls()).toBe(2);
  });

  it("keeps one copy per Vary'd header value: a gzip copy never reaches a client that did not ask", async () => {
    const html = "<p>".padEnd(4_000, "x");
    const { base, calls } = await serve((req, res) => {
      res.setHeader("cache-control", "s-maxage=10");
      res.setHeader("vary", "RSC, Accept-Encoding");
      if (String(req.headers["accept-encoding"]).includes("gzip")) {
        res.setHeader("content-encoding", "gzip");
        res.end(gzipSync(html));
      } else res.end(req.headers.rsc ? "flight" : html);
    });
    const raw = (headers: Record<string, string>) =>
      new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        http
          .get(`${base}/page`, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
            );
          })
          .on("error", reject);
      });
    for (let round = 0; round < 2; round++) {
      const plain = await raw({});
      expect(plain.encoding).toBeUndefined();
      expect(plain.body.toString()).toBe(html);
      const gzip = await raw({ "accept-encoding": "gzip" });
      expect(gzip.encoding).toBe("gzip");
      expect(gzip.body.equals(gzipSync(html))).toBe(true);
      expect((await raw({ rsc: "1" })).body.toString()).toBe("flight");
    }
    expect(calls()).toBe(3);
  });

  it("while one request refreshes an expired entry, others get the old copy, for a few seconds at most", async () => {
    const pending: (() => void)[] = [];
    let version = 0;
    const { get, calls, clock } = await serve((_req, res) => {
      version += 1;
      const body = `v${version}`;
      res.setHeader("cache-control", "s-maxage=10");
      if (version === 1) res.end(body);
      else pending.push(() => res.end(body));
    });
    expect((await get()).body).toBe("v1");
    clock.now += 1_500;
    const refreshing = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await get()).body).toBe("v1");
    expect(calls()).toBe(2);
    clock.now += 10_000;
    // Past the grace: this one does not get the old copy; it goes to the app too.
    const late = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls()).toBe(3);
    for (const release of pending) release();
    const bodies = [(await refreshing).body, (await late).body].sort();
    expect(bodies).toEqual(["v2", "v3"]);
    expect(["v2", "v3"]).toContain((await get()).body);
    expect(calls()).toBe(3);
  });

  it("does not keep a body larger than 2 MB", async () => {
    const { get, calls, cache } = await serve((_req, res) => {
      res.setHeader("cache-control", "s-maxage=10");
      res.end(Buffer.alloc(2 * 1024 * 1024 + 1, 97));
    });
    await get();
    await get();
    expect(calls()).toBe(2);
    expect(cache.size().bytes).toBe(0);
  });
});
