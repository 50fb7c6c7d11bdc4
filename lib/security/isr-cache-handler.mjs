// next.config.ts `cacheHandler`: Next.js's own file-system ISR cache, plus a
// Content-Security-Policy header on every cached page, made of the SHA-256 hashes of
// that page's inline scripts (./script-hashes.mjs).
//
// Why here: prerendered and revalidated pages cannot carry a per-request nonce, and
// their inline scripts (the RSC payload, which holds the build id and the page's data)
// change with every build and every revalidation. The cache is where each version of a
// page's HTML becomes known, complete, before anyone is sent it:
// - `set()` receives every page Next.js renders for the cache (a first on-demand render,
//   a background revalidation): Next.js awaits it, then sends the same entry, headers
//   included, to the request that caused it (server/response-cache, handleRevalidate);
// - `get()` returns what was prerendered at build time (.html + .meta on disk) or set
//   since; Next.js sends the entry's headers with every HIT and STALE response.
// Both put the policy into the entry's headers, computed once per entry. The proxy
// (proxy.ts) sends no CSP of its own on these pages, so each response has exactly one.
import fileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { hashPolicyFor, pathnameOfCacheKey } from "./script-hashes.mjs";

const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule;
const CSP = "content-security-policy";
// Entries already given their policy (the memory cache hands out the same objects).
const stamped = new WeakSet();

/** Adds the hash policy of `value.html` to `value.headers` (APP_PAGE entries only). */
export function stampPolicy(key, value) {
  if (value?.kind !== "APP_PAGE" || typeof value.html !== "string" || stamped.has(value)) return;
  value.headers = { ...value.headers, [CSP]: hashPolicyFor(pathnameOfCacheKey(key), value.html) };
  stamped.add(value);
}

/** A cached answer that is not a page: a redirect or a not-found (Next.js keeps its status). */
export function isAnswerWithoutPage(value) {
  return value?.kind === "APP_PAGE" && typeof value.status === "number" && value.status >= 300;
}

export default class HashPolicyCache extends FileSystemCache {
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    if (entry) stampPolicy(key, entry.value);
    return entry;
  }

  // Any path under a dynamic route can be made up (/en/r/<any code>), and Next.js
  // caches its answer, a redirect or a not-found, like a page: on disk, one entry per
  // path anyone cares to send. Such answers are kept in the memory cache only, whose
  // size is bounded, unless a page is on disk under that path already: then the answer
  // replaces it, so that what the page showed (the first name of someone whose pledge
  // is gone) leaves the disk too.
  async set(key, data, ctx) {
    stampPolicy(key, data);
    if (!isAnswerWithoutPage(data) || !this.flushToDisk || this.hasPageOnDisk(key))
      return super.set(key, data, ctx);
    // Next.js's set() stores in memory, then checks flushToDisk before its first await.
    this.flushToDisk = false;
    try {
      return super.set(key, data, ctx);
    } finally {
      this.flushToDisk = true;
    }
  }

  hasPageOnDisk(key) {
    try {
      return this.fs.existsSync(this.getFilePath(`${key}.html`, "APP_PAGE"));
    } catch {
      return false;
    }
  }
}
