import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_EXPIRE_SECONDS, PAGE_REVALIDATE_SECONDS } from "@/lib/http/page-cache";
import { parseCsp } from "@/lib/security/csp";
import HashPolicyCache, { isAnswerWithoutPage, stampPolicy } from "@/lib/security/isr-cache-handler.mjs";
import { prerenderedRoutesFrom } from "@/lib/security/prerendered";
import { hashPolicyFor, inlineScriptHashes, pathnameOfCacheKey } from "@/lib/security/script-hashes.mjs";
import { CACHE_MAX_AGE_SECONDS, MAX_STALENESS_SECONDS } from "@/lib/stats/cache";

// The file system Next.js hands its cache (a CommonJS module).
const { nodeFs } = createRequire(import.meta.url)(
  "next/dist/server/lib/node-fs-methods.js",
) as typeof import("next/dist/server/lib/node-fs-methods.js");

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

// The shape of a prerendered Next.js page: framework chunks by src, the RSC payload inline.
const PAYLOAD = 'self.__next_f.push([1,"0:{\\"b\\":\\"build-1\\"}\\n"])';
const HTML = [
  "<!DOCTYPE html><html><head>",
  '<script src="/_next/static/chunks/a.js" async=""></script>',
  '<script type="application/ld+json">{"@type":"Thing"}</script>',
  "</head><body><p>42 pledges</p>",
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  `<script>${PAYLOAD}</script>`,
  `<script nonce="">${PAYLOAD}</script>`,
  '<script id="x">\nlet a = "é</p>";\n</script >',
  "</body></html>",
].join("");

describe("inline script hashes", () => {
  it("hash each distinct inline, executable script's exact text, in document order", () => {
    expect(inlineScriptHashes(HTML)).toEqual([
      sha("(self.__next_f=self.__next_f||[]).push([0])"),
      sha(PAYLOAD),
      sha('\nlet a = "é</p>";\n'),
    ]);
  });

  it("skip scripts loaded by src and data blocks; none in a page without inline scripts", () => {
    expect(
      inlineScriptHashes('<script src="/a.js"></script><script type="application/json">{}</script>'),
    ).toEqual([]);
    expect(inlineScriptHashes("<p>no scripts</p>")).toEqual([]);
  });

  it("change when the page's data changes (a revalidation needs new hashes)", () => {
    expect(inlineScriptHashes(HTML.replaceAll("build-1", "build-2"))).not.toEqual(inlineScriptHashes(HTML));
  });
});

describe("the policy of a prerendered page", () => {
  it("allows 'self' and exactly the page's hashes: no nonce, 'unsafe-inline', 'unsafe-eval' or 'strict-dynamic'", () => {
    const csp = parseCsp(hashPolicyFor("/en/stats", HTML));
    expect(csp.get("script-src")).toEqual([
      "'self'",
      ...inlineScriptHashes(HTML).map((h) => `'sha256-${h}'`),
    ]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("lets only the embed be framed", () => {
    expect(parseCsp(hashPolicyFor("/embed/counter/fr", HTML)).has("frame-ancestors")).toBe(false);
    expect(parseCsp(hashPolicyFor("/en/embed", HTML)).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("reads the request path from Next.js's route-scoped cache keys and plain ones", () => {
    expect(pathnameOfCacheKey("/route-cache/app-page/3f2a/$/en/stats")).toBe("/en/stats");
    expect(pathnameOfCacheKey("/route-cache/app-page/3f2a/$/index")).toBe("/");
    expect(pathnameOfCacheKey("/route-cache/app-page/3f2a/$/embed/counter/de")).toBe("/embed/counter/de");
    expect(pathnameOfCacheKey("/en/pledge")).toBe("/en/pledge");
  });
});

describe("the ISR cache handler", () => {
  it("puts the policy of each cached page's own HTML into its headers, once per entry", () => {
    const entry = {
      kind: "APP_PAGE",
      html: HTML,
      headers: { "x-next-cache-tags": "t" } as Record<string, unknown>,
    };
    stampPolicy("/route-cache/app-page/ab/$/en/stats", entry);
    expect(entry.headers["content-security-policy"]).toBe(hashPolicyFor("/en/stats", HTML));
    expect(entry.headers["x-next-cache-tags"]).toBe("t");
    // A revalidation brings a new entry with new HTML: it gets its own hashes.
    const next = { kind: "APP_PAGE", html: HTML.replaceAll("build-1", "build-2"), headers: {} };
    stampPolicy("/route-cache/app-page/ab/$/en/stats", next);
    expect(next.headers).toHaveProperty("content-security-policy", hashPolicyFor("/en/stats", next.html));
    expect(next.headers).not.toEqual(entry.headers);
  });

  it("keeps redirects and not-founds off the disk, unless they replace a page kept there", async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), "isr-cache-"));
    try {
      const cache = new HashPolicyCache({
        fs: nodeFs,
        flushToDisk: true,
        serverDistDir: dist,
        revalidatedTags: [],
        maxMemoryCacheSize: 1024 * 1024,
      });
      const setCtx = {
        cacheControl: { revalidate: 10, expire: 20 },
        isRoutePPREnabled: false,
        isFallback: false,
      };
      const getCtx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
      const entry = (status: number, html: string) => ({
        kind: "APP_PAGE",
        html,
        rscData: Buffer.from("rsc"),
        headers: {},
        status,
        postponed: undefined,
        segmentData: undefined,
      });
      const file = (key: string) => path.join(dist, "app", `${key}.html`);

      // A made-up code: answered from memory, nothing written.
      await cache.set("/en/r/madeupcode", entry(307, "<p>redirect</p>"), setCtx);
      expect(existsSync(file("/en/r/madeupcode"))).toBe(false);
      const kept = await cache.get("/en/r/madeupcode", getCtx);
      expect(kept?.value).toMatchObject({
        status: 307,
        headers: { "content-security-policy": expect.any(String) },
      });

      // A real invitation is a page: on disk. When its pledge is gone, the redirect replaces it there.
      await cache.set("/en/r/realcode01", entry(200, "<h1>Ada invites you</h1>"), setCtx);
      expect(readFileSync(file("/en/r/realcode01"), "utf8")).toContain("Ada");
      await cache.set("/en/r/realcode01", entry(307, "<p>redirect</p>"), setCtx);
      expect(readFileSync(file("/en/r/realcode01"), "utf8")).not.toContain("Ada");
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it("tells pages from answers without one", () => {
    expect(isAnswerWithoutPage({ kind: "APP_PAGE", status: 200 })).toBe(false);
    expect(isAnswerWithoutPage({ kind: "APP_PAGE" })).toBe(false);
    expect(isAnswerWithoutPage({ kind: "APP_PAGE", status: 307 })).toBe(true);
    expect(isAnswerWithoutPage({ kind: "APP_PAGE", status: 404 })).toBe(true);
    expect(isAnswerWithoutPage({ kind: "APP_ROUTE", status: 404 })).toBe(false);
    expect(isAnswerWithoutPage(null)).toBe(false);
  });

  it("leaves route handlers, fetch entries and empty entries alone", () => {
    const route = { kind: "APP_ROUTE", html: HTML, headers: {} };
    stampPolicy("/api/stats", route);
    expect(route.headers).toEqual({});
    expect(() => stampPolicy("/x", null)).not.toThrow();
    expect(() => stampPolicy("/x", { kind: "APP_PAGE", html: undefined })).not.toThrow();
  });
});

describe("prerendered routes, as the build lists them", () => {
  const routes = prerenderedRoutesFrom({
    routes: { "/en": {}, "/en/stats": {}, "/_not-found": {}, "/embed/counter/fr": {} },
    dynamicRoutes: { "/[locale]/invite/[code]": { routeRegex: "^/([^/]+?)/invite/([^/]+?)(?:/)?$" } },
  });

  it("cover prerendered pages and pages with a dynamic segment rendered on demand", () => {
    for (const path of ["/en", "/en/stats", "/embed/counter/fr", "/fr/invite/abc123"])
      expect(routes.has(path)).toBe(true);
  });

  it("leave out every other path (those get a nonce) and the build's internal pages", () => {
    for (const path of ["/en/dashboard", "/en/sign-in", "/en/stats/x", "/_not-found", "/fr/invite"])
      expect(routes.has(path)).toBe(false);
  });

  it("refuse a manifest of the wrong shape", () => {
    expect(() => prerenderedRoutesFrom({ routes: [] })).toThrow();
  });
});

describe("page cache freshness", () => {
  it("keeps a figure on a page within the bound the stats state", () => {
    expect(CACHE_MAX_AGE_SECONDS + 2 * PAGE_EXPIRE_SECONDS).toBeLessThanOrEqual(MAX_STALENESS_SECONDS);
    expect(PAGE_REVALIDATE_SECONDS).toBeLessThan(PAGE_EXPIRE_SECONDS);
  });

  it("is what the public pages' segment config says (Next.js needs it as a literal there)", () => {
    for (const file of ["app/[locale]/(marketing)/layout.tsx", "app/embed/counter/[lang]/page.tsx"])
      expect(readFileSync(file, "utf8")).toContain(`export const revalidate = ${PAGE_REVALIDATE_SECONDS};`);
  });
});
