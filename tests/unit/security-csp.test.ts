import { describe, expect, it } from "vitest";
import { API_CSP, buildPageCsp, createNonce, parseCsp } from "@/lib/security/csp";
import { isFrameablePath, requestIdFrom, SECURITY_HEADERS } from "@/lib/security/headers";

describe("page CSP", () => {
  it("allows scripts by nonce only: no 'unsafe-inline', no 'unsafe-eval' in production", () => {
    const nonce = createNonce();
    const csp = parseCsp(buildPageCsp({ nonce }));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("names no other origin anywhere", () => {
    const values = [...parseCsp(buildPageCsp({ nonce: createNonce() })).values()].flat();
    expect(values.filter((v) => /^https?:/.test(v) || v.includes("."))).toEqual([]);
  });

  it("adds 'unsafe-eval' only in development, and lets the embed be framed", () => {
    expect(parseCsp(buildPageCsp({ nonce: "n", isDev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(parseCsp(buildPageCsp({ nonce: "n", frameAncestors: "any" })).has("frame-ancestors")).toBe(false);
    expect(isFrameablePath("/embed/counter")).toBe(true);
    expect(isFrameablePath("/embedded")).toBe(false);
    expect(isFrameablePath("/en/embed")).toBe(false);
  });

  it("makes fresh, unguessable nonces", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("locks API responses down completely", () => {
    const csp = parseCsp(API_CSP);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("security headers", () => {
  it("set HSTS, nosniff, a referrer policy and a permissions policy", () => {
    expect(SECURITY_HEADERS["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(SECURITY_HEADERS["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(SECURITY_HEADERS["Permissions-Policy"]).toContain("geolocation=()");
  });

  it("keeps a well-formed upstream request id and replaces anything else", () => {
    expect(requestIdFrom("abc12345-upstream")).toBe("abc12345-upstream");
    expect(requestIdFrom("<script>")).not.toBe("<script>");
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom("x".repeat(500))).toHaveLength(36);
  });
});
