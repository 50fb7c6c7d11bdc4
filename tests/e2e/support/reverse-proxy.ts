// A reverse proxy as organisers put in front of the app (nginx, a load balancer),
// in a few lines: it listens on its own address and forwards every request to the
// app with the app's address as Host, and the public host, scheme and client in
// X-Forwarded-Host, X-Forwarded-Proto and X-Forwarded-For (appending the peer).
//
//   tsx tests/e2e/support/reverse-proxy.ts <listen host:port> <upstream host:port>
import http from "node:http";

export function startReverseProxy(
  listen: { host: string; port: number },
  upstream: { host: string; port: number },
) {
  const server = http.createServer((req, res) => {
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress]
      .filter(Boolean)
      .join(", ");
    const headers = {
      ...req.headers,
      host: `${upstream.host}:${upstream.port}`,
      "x-forwarded-host": req.headers.host ?? `${listen.host}:${listen.port}`,
      "x-forwarded-proto": "http",
      "x-forwarded-for": forwardedFor,
    };
    const forward = http.request(
      { host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("bad gateway");
    });
    req.pipe(forward);
  });
  return new Promise<http.Server>((resolve) =>
    server.listen(listen.port, listen.host, () => resolve(server)),
  );
}

function hostPort(value: string | undefined): { host: string; port: number } {
  const match = value?.match(/^([\w.-]+):(\d+)$/);
  if (!match) throw new Error("usage: reverse-proxy.ts <listen host:port> <upstream host:port>");
  return { host: match[1]!, port: Number(match[2]) };
}

if (process.argv[1]?.endsWith("reverse-proxy.ts")) {
  const [listen, upstream] = [hostPort(process.argv[2]), hostPort(process.argv[3])];
  void startReverseProxy(listen, upstream).then(() =>
    console.log(`reverse proxy on http://${listen.host}:${listen.port} -> ${upstream.host}:${upstream.port}`),
  );
}
