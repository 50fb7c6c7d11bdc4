// The Content-Security-Policy of every response, built in one place so that the proxy
// (pages, with a fresh nonce per request), next.config.ts (API routes and other
// responses the proxy skips) and the tests agree on it.

export type CspOptions = {
  /** Per-request nonce for scripts; without one, no inline script may run at all. */
  nonce?: string;
  /** Development needs 'unsafe-eval' (React rebuilds server error stacks with eval). */
  isDev?: boolean;
  /** Who may frame the response: nobody by default; anyone for the embeddable counter. */
  frameAncestors?: "none" | "any";
};

/** A fresh, unguessable nonce (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The policy for an HTML page. Everything comes from this origin: no third party. */
export function buildPageCsp({ nonce, isDev = false, frameAncestors = "none" }: CspOptions): string {
  const scripts = ["'self'"];
  if (nonce) scripts.push(`'nonce-${nonce}'`, "'strict-dynamic'");
  if (isDev) scripts.push("'unsafe-eval'");
  const directives: [string, string][] = [
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

/** The policy for JSON, files and redirects: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Parses a policy into directive -> sources, for tests and checks. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
