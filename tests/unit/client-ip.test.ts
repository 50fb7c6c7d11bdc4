import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clientAddress, forwardedFor, PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { CACHED_PAGE_HEADER, prerenderedRoutesFrom } from "@/lib/security/prerendered";
import { endWithBytes, isCachedPageRequest, stampPeerAddress, stampRequest } from "@/scripts/server";

const settings = vi.hoisted(() => ({
  env: { TRUSTED_PROXY_HOPS: 0, VERCEL: undefined as string | undefined, NODE_ENV: "production" },
  headers: new Headers(),
}));
vi.mock("@/lib/env", () => ({ env: () => settings.env }));
vi.mock("next/headers", () => ({ headers: async () => settings.headers }));

const { clientIp } = await import("@/lib/http/client-ip");

describe("clientAddress: the N-th address from the right, counting the peer", () => {
  const pick = (peer: string, xff: string | null, trustedHops: number) =>
    clientAddress({ peer, forwardedFor: xff, trustedHops });

  it("with no trusted proxy takes the socket's peer, whatever X-Forwarded-For says", () => {
    expect(pick("198.51.100.7", null, 0)).toBe("198.51.100.7");
    expect(pick("198.51.100.7", "203.0.113.1", 0)).toBe("198.51.100.7");
    expect(pick("198.51.100.7", "203.0.113.1, 203.0.113.2", 0)).toBe("198.51.100.7");
  });

  it("behind one proxy takes the entry that proxy appended, not the ones the client sent", () => {
    // client 192.0.2.10 forged "203.0.113.1"; the proxy (10.0.0.2) appended the client.
    expect(pick("10.0.0.2", "203.0.113.1, 192.0.2.10", 1)).toBe("192.0.2.10");
    expect(pick("10.0.0.2", "192.0.2.10", 1)).toBe("192.0.2.10");
  });

  it("behind two proxies counts two from the right", () => {
    // forged, client (appended by the CDN), CDN (appended by the load balancer); peer = LB
    expect(pick("10.0.0.3", "6.6.6.6, 192.0.2.10, 172.16.0.1", 2)).toBe("192.0.2.10");
    expect(pick("10.0.0.3", "6.6.6.6, 192.0.2.10, 172.16.0.1", 1)).toBe("172.16.0.1");
  });

  it("gives the leftmost entry of a chain shorter than the hops (a request that skipped a proxy)", () => {
    expect(pick("192.0.2.10", null, 1)).toBe("192.0.2.10");
    expect(pick("10.0.0.3", "192.0.2.10", 2)).toBe("192.0.2.10");
  });

  it("ignores blanks and spaces, and unwraps IPv4-mapped IPv6 peers", () => {
    expect(forwardedFor(" 203.0.113.1 ,, 192.0.2.10 ,")).toEqual(["203.0.113.1", "192.0.2.10"]);
    expect(pick("::ffff:127.0.0.1", "1.2.3.4", 0)).toBe("127.0.0.1");
    expect(pick("::1", null, 0)).toBe("::1");
    expect(pick("10.0.0.2", "::ffff:192.0.2.10", 1)).toBe("192.0.2.10");
  });
});

describe("clientIp", () => {
  beforeEach(() => {
    settings.env = { TRUSTED_PROXY_HOPS: 0, VERCEL: undefined, NODE_ENV: "production" };
  });

  it("uses the peer header of scripts/server.ts, so a forged X-Forwarded-For changes nothing", async () => {
    for (const forged of ["1.1.1.1", "2.2.2.2, 3.3.3.3"]) {
      settings.headers = new Headers({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": forged });
      expect(await clientIp()).toBe("198.51.100.7");
    }
    settings.env.TRUSTED_PROXY_HOPS = 1;
    settings.headers = new Headers({
      [PEER_ADDRESS_HEADER]: "10.0.0.2",
      "x-forwarded-for": "1.1.1.1, 192.0.2.10",
    });
    expect(await clientIp()).toBe("192.0.2.10");
  });

  it("on Vercel takes x-real-ip, which Vercel's edge sets", async () => {
    settings.env.VERCEL = "1";
    settings.headers = new Headers({ "x-real-ip": "192.0.2.10", "x-forwarded-for": "192.0.2.10" });
    expect(await clientIp()).toBe("192.0.2.10");
  });

  it("refuses in production without the peer header (`next start`)", async () => {
    settings.headers = new Headers({ "x-forwarded-for": "1.1.1.1" });
    await expect(clientIp()).rejects.toThrow(/npm start/);
  });

  it("in development takes the nearest X-Forwarded-For entry as the peer (`next dev` fills it in)", async () => {
    settings.env.NODE_ENV = "development";
    settings.headers = new Headers({ "x-forwarded-for": "1.1.1.1, 127.0.0.1" });
    expect(await clientIp()).toBe("127.0.0.1");
    settings.headers = new Headers();
    expect(await clientIp()).toBe("unknown");
  });
});

describe("stampPeerAddress (scripts/server.ts)", () => {
  it("replaces a client-sent peer header, in any case, with the socket's address", async () => {
    const seen: { headers?: http.IncomingHttpHeaders; raw?: string[] } = {};
    const server = http.createServer((req, res) => {
      stampPeerAddress(req);
      seen.headers = req.headers;
      seen.raw = req.rawHeaders;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const request = http.request({
        host: "127.0.0.1",
        port,
        headers: { "X-Peer-Address": "6.6.6.6", "x-forwarded-for": "7.7.7.7" },
      });
      request.on("response", (response) => response.resume().on("end", resolve));
      request.on("error", reject);
      request.end();
    });
    server.close();
    expect(seen.headers?.[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen.headers?.["x-forwarded-for"]).toBe("7.7.7.7");
    expect(seen.raw?.join(" ")).not.toContain("6.6.6.6");
  });
});

describe("cached page requests (scripts/server.ts marks them, the proxy skips them)", () => {
  const routes = prerenderedRoutesFrom({
    routes: { "/en": {}, "/en/stats": {}, "/_not-found": {} },
    dynamicRoutes: { "/[locale]": { routeRegex: "^/([^/]+?)(?:/)?$" } },
  });
  const request = (method: string, url: string, headers: Record<string, string> = {}) => {
    const rawHeaders = Object.entries(headers).flat();
    const req = {
      method,
      url,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      rawHeaders,
      socket: { remoteAddress: "127.0.0.1" },
    };
    return req as unknown as http.IncomingMessage;
  };

  it("are GET or HEAD of a prerendered path, with or without a query, but never with ?ref=", () => {
    expect(isCachedPageRequest(request("GET", "/en"), routes)).toBe(true);
    expect(isCachedPageRequest(request("HEAD", "/en/stats"), routes)).toBe(true);
    expect(isCachedPageRequest(request("GET", "/en/stats?_rsc=abc"), routes)).toBe(true);
    expect(isCachedPageRequest(request("GET", "/en?ref=abc123"), routes)).toBe(false);
    expect(isCachedPageRequest(request("GET", "/en?x=1&ref=abc123"), routes)).toBe(false);
    expect(isCachedPageRequest(request("POST", "/en/stats"), routes)).toBe(false);
  });

  it("leave out what only matches a pattern (an unprefixed /pledge must reach the proxy's redirect)", () => {
    expect(isCachedPageRequest(request("GET", "/pledge"), routes)).toBe(false);
    expect(isCachedPageRequest(request("GET", "/en/dashboard"), routes)).toBe(false);
    expect(isCachedPageRequest(request("GET", "/_not-found"), routes)).toBe(false);
  });

  it("drop a client's own mark, policy and nonce, and mark only cached pages", () => {
    const forged = {
      "X-App-Cached-Page": "1",
      "Content-Security-Policy": "script-src 'nonce-x'",
      "x-nonce": "x",
    };
    const dynamic = request("GET", "/en/dashboard", forged);
    stampRequest(dynamic, routes);
    expect(dynamic.headers[CACHED_PAGE_HEADER]).toBeUndefined();
    expect(dynamic.headers["content-security-policy"]).toBeUndefined();
    expect(dynamic.headers["x-nonce"]).toBeUndefined();
    expect(dynamic.rawHeaders.join(" ")).not.toMatch(/nonce|cached-page/i);
    const cached = request("GET", "/en", forged);
    stampRequest(cached, routes);
    expect(cached.headers[CACHED_PAGE_HEADER]).toBe("1");
    expect(cached.headers["content-security-policy"]).toBeUndefined();
    expect(cached.headers[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  it("name the header the proxy's matcher skips on (a literal there: Next.js reads it at build time)", () => {
    const matcher = readFileSync(path.join(process.cwd(), "proxy.ts"), "utf8").split(
      "export const config",
    )[1];
    expect(matcher).toContain(`missing: [{ type: "header", key: "${CACHED_PAGE_HEADER}" }]`);
  });
});

describe("endWithBytes (scripts/server.ts): long strings leave as their UTF-8 bytes", () => {
  async function serve(send: (res: http.ServerResponse) => void) {
    const server = http.createServer((_req, res) => {
      endWithBytes(res);
      send(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
    } finally {
      server.close();
    }
  }

  it("sends the same bytes as the string, with its Content-Length, and calls the callback", async () => {
    const page = `<p>Objection’s deadline – ${"é".repeat(20_000)}</p>`;
    let called = false;
    const { status, body } = await serve((res) => {
      res.setHeader("Content-Length", Buffer.byteLength(page));
      res.end(page, () => {
        called = true;
      });
    });
    expect(status).toBe(200);
    expect(body.toString("utf8")).toBe(page);
    expect(called).toBe(true);
    // The second time, the same string is sent from the bytes encoded the first time.
    expect((await serve((res) => res.end(page, "utf8"))).body.toString("utf8")).toBe(page);
  });

  it("leaves short strings, buffers, other encodings and bare end() alone", async () => {
    expect((await serve((res) => res.end("short"))).body.toString()).toBe("short");
    expect((await serve((res) => res.end(Buffer.from("bytes")))).body.toString()).toBe("bytes");
    const latin = "a".repeat(20_000);
    expect(
      (await serve((res) => res.end(Buffer.from(latin, "latin1").toString("hex"), "hex"))).body.toString(
        "latin1",
      ),
    ).toBe(latin);
    expect((await serve((res) => res.end())).body.length).toBe(0);
  });
});
