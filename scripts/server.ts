// The production server behind `npm start`: the built app (Next.js's request handler)
// in a plain Node http server that tells the app which address each request comes
// from. `next start` cannot: it fills X-Forwarded-For in only when a request has none,
// so a client-sent value passes through, and it hides the socket's address from route
// handlers and server actions. Here the socket's address goes in PEER_ADDRESS_HEADER,
// after any copy the client sent is dropped (lib/http/client-address.ts reads it).
//
//   tsx scripts/server.ts [--hostname 127.0.0.1] [--port 3000]     (NODE_ENV=production)
import http from "node:http";
import { parseArgs } from "node:util";
import { PEER_ADDRESS_HEADER } from "../lib/http/client-address";

/** Replaces whatever the client sent as PEER_ADDRESS_HEADER with the socket's address. */
export function stampPeerAddress(req: http.IncomingMessage): void {
  delete req.headers[PEER_ADDRESS_HEADER];
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== PEER_ADDRESS_HEADER)
      raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  req.rawHeaders = raw;
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
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

  const server = http.createServer((req, res) => {
    stampPeerAddress(req);
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
