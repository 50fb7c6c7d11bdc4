// The production server behind `npm start`: the built app (Next.js's request handler)
// in a plain Node http server that tells the app which address each request comes
// from. `next start` cannot: it fills X-Forwarded-For in only when a request has none,
// so a client-sent value passes through, and it hides the socket's address from route
// handlers and server actions. Here the socket's address goes in PEER_ADDRESS_HEADER,
// after any copy the client sent is dropped (lib/http/client-address.ts reads it),
// and it marks requests for prerendered pages, which skip the proxy (isCachedPageRequest).
// Responses any shared cache may keep are kept about a second (lib/http/microcache.ts).
//
//   tsx scripts/server.ts [--hostname 127.0.0.1] [--port 3000]     (NODE_ENV=production)
import http from "node:http";
import { parseArgs } from "node:util";
import { PEER_ADDRESS_HEADER } from "../lib/http/client-address";
import { createMicrocache } from "../lib/http/microcache";
import { CACHED_PAGE_HEADER, type PrerenderedRoutes, prerenderedRoutes } from "../lib/security/prerendered";

/**
 * Headers only this server may set, and the nonce headers only the proxy may: a copy
 * sent by the client is dropped before anything reads it (Next.js takes a page's
 * nonce from the request's Content-Security-Policy).
 */
const SERVER_ONLY_HEADERS = new Set([
  PEER_ADDRESS_HEADER,
  CACHED_PAGE_HEADER,
  "content-security-policy",
  "x-nonce",
]);

/** Replaces whatever the client sent as PEER_ADDRESS_HEADER with the socket's address. */
export function stampPeerAddress(req: http.IncomingMessage): void {
  stampRequest(req, null);
}

/**
 * A GET or HEAD of a page the build prerendered, without ?ref= (which the proxy turns
 * into a cookie): Next.js serves it from its cache, the same bytes for everyone, and
 * the proxy has nothing to add but its cost (about 40% of such a request's time).
 */
export function isCachedPageRequest(req: http.IncomingMessage, routes: PrerenderedRoutes): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  if (query >= 0 && new URLSearchParams(url.slice(query + 1)).has("ref")) return false;
  return routes.isPrebuilt(query >= 0 ? url.slice(0, query) : url);
}

/**
 * Drops client-sent copies of SERVER_ONLY_HEADERS, puts the socket's address in
 * PEER_ADDRESS_HEADER, and marks a cached page's request with CACHED_PAGE_HEADER.
 */
export function stampRequest(req: http.IncomingMessage, routes: PrerenderedRoutes | null): void {
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    if (SERVER_ONLY_HEADERS.has(name)) delete req.headers[name];
    else raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const peer = req.socket.remoteAddress ?? "unknown";
  raw.push(PEER_ADDRESS_HEADER, peer);
  req.headers[PEER_ADDRESS_HEADER] = peer;
  if (routes && isCachedPageRequest(req, routes)) {
    raw.push(CACHED_PAGE_HEADER, "1");
    req.headers[CACHED_PAGE_HEADER] = "1";
  }
  req.rawHeaders = raw;
}

/** Strings at least this long are sent as bytes (see endWithBytes). */
const LARGE_STRING = 16 * 1024;
/** Bytes of the strings sent lately: a cached page's HTML is the same string each time. */
const encoded = new Map<string, Buffer>();
const ENCODED_ENTRIES = 64;

function bytesOf(text: string): Buffer {
  let bytes = encoded.get(text);
  if (!bytes) {
    bytes = Buffer.from(text, "utf8");
    if (encoded.size >= ENCODED_ENTRIES) encoded.delete(encoded.keys().next().value!);
    encoded.set(text, bytes);
  }
  return bytes;
}

/**
 * Makes `res.end(text)` send a long string as its UTF-8 bytes. Next.js ends a cached
 * page's response with its HTML as a string, and Node.js writes a long string that is
 * not pure ASCII (one "’" is enough) far slower than the same bytes: measured here, a
 * plain Node server sending a 73 KB page answers 1.0k req/s with the string and 10-14k
 * with a Buffer. A cached page sends the same string object each time, so its bytes
 * are encoded once. Other calls pass through untouched.
 */
export function endWithBytes(res: http.ServerResponse): void {
  const end = res.end as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
  res.end = function endBytes(this: http.ServerResponse, ...args: unknown[]) {
    const [chunk, encoding] = args;
    const utf8 =
      encoding === undefined || typeof encoding === "function" || /^utf-?8$/i.test(String(encoding));
    if (typeof chunk === "string" && chunk.length >= LARGE_STRING && utf8) {
      const callback = args.find((arg) => typeof arg === "function");
      return callback ? end.call(this, bytesOf(chunk), callback) : end.call(this, bytesOf(chunk));
    }
    return end.apply(this, args);
  } as typeof res.end;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hostname: { type: "string", short: "H" },
      port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    },
  });
  const port = Number(values.port);
  // React and Next pick their production builds when first loaded: set it before.
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: values.hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const routes = prerenderedRoutes();
  const microcache = createMicrocache();

  const server = http.createServer((req, res) => {
    stampRequest(req, routes);
    endWithBytes(res);
    if (microcache.handle(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      console.error("[server] request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("internal server error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, values.hostname, () => resolve());
  });
  console.log(`[server] ready on http://${values.hostname ?? "localhost"}:${port}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Give requests in flight a moment, then go: Ctrl-C must not hang.
    setTimeout(() => process.exit(0), 5_000).unref();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
