import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clientAddress, forwardedFor, PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { stampPeerAddress } from "@/scripts/server";

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
