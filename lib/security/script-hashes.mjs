// CSP hashes for prerendered HTML: the SHA-256 of every inline <script>, exactly as a
// browser computes it (over the text between the tags), so that `script-src 'self'
// 'sha256-...'` lets a prerendered page's own scripts run and nothing else. Plain
// JavaScript, so that the ISR cache handler (./isr-cache-handler.mjs) can load it.
import { createHash } from "node:crypto";
import { buildPageCsp, isFrameablePath } from "./page-policy.mjs";

// Opening tag with its attributes, then the text up to the first `</script`. An inline
// script cannot contain `</script` (React and Next escape it in their payloads), so the
// lazy match ends where the browser's parser ends the script too.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(?:^|\s)src\s*=/i;
// Data blocks (JSON, JSON-LD, import maps aside) are never executed: no hash needed.
const DATA_TYPE = /(?:^|\s)type\s*=\s*["']?(?:application\/(?:ld\+)?json)["']?/i;

/** Base64 SHA-256 of each distinct inline, executable script in `html`, in document order. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = match[1] ?? "";
    const body = match[2] ?? "";
    if (HAS_SRC.test(attributes) || DATA_TYPE.test(attributes)) continue;
    const hash = createHash("sha256").update(body, "utf8").digest("base64");
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  return hashes;
}

/**
 * The request path a response-cache key stands for. Next.js 16 scopes page keys by
 * route (`/<dir>/<kind>/<route hash>/$/en/stats`, `/$/index` for "/"); older keys are
 * the path itself.
 */
export function pathnameOfCacheKey(key) {
  const marker = key.indexOf("/$/");
  const pathname = marker === -1 ? key : key.slice(marker + 2);
  return pathname === "/index" ? "/" : pathname;
}

/** The policy of one prerendered document: hashes of its inline scripts, framing by path. */
export function hashPolicyFor(pathname, html) {
  return buildPageCsp({
    scriptHashes: inlineScriptHashes(html),
    frameAncestors: isFrameablePath(pathname) ? "any" : "none",
  });
}
