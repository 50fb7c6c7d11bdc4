// The Content-Security-Policy of an HTML page, in plain JavaScript: the proxy (through
// csp.ts), and the ISR cache handler (./isr-cache-handler.mjs), which Node loads
// without any build step, build it from this one place.

/** Paths anyone may frame (the organisers' counter widget). */
export function isFrameablePath(pathname) {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

/**
 * The policy for an HTML page. Everything comes from this origin: no third party.
 * Scripts: a per-request nonce (pages rendered per request), or the SHA-256 hashes of
 * the inline scripts of one prerendered HTML document; with neither, no inline script
 * may run at all.
 */
export function buildPageCsp({ nonce, scriptHashes, isDev = false, frameAncestors = "none" } = {}) {
  const scripts = ["'self'"];
  if (nonce) scripts.push(`'nonce-${nonce}'`, "'strict-dynamic'");
  // No 'strict-dynamic' with hashes: the page's own chunks load by 'self' (React emits
  // them as plain <script src async>, which 'strict-dynamic' would block).
  else if (scriptHashes) for (const hash of new Set(scriptHashes)) scripts.push(`'sha256-${hash}'`);
  if (isDev) scripts.push("'unsafe-eval'");
  const directives = [
    ["default-src", "'self'"],
    ["script-src", scripts.join(" ")],
    // React and our components set style attributes (e.g. chart bar widths, the embed's
    // inline styles), which nonces cannot cover; styles cannot run code.
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", "'self' data: blob:"],
    ["font-src", "'self'"],
    ["connect-src", isDev ? "'self' ws: wss:" : "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-src", "'none'"],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
  ];
  // No directive at all for the embed: `frame-ancestors *` would still refuse parents
  // without a network origin (about:blank, sandboxed or file: pages), which may embed it.
  if (frameAncestors === "none") directives.push(["frame-ancestors", "'none'"]);
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}
