// The Content-Security-Policy of every response, built in one place so that the proxy
// (pages rendered per request, with a fresh nonce), the ISR cache handler (prerendered
// pages, with the hashes of their inline scripts), next.config.ts (API routes and other
// responses the proxy skips) and the tests agree on it. The page policy itself lives in
// ./page-policy.mjs, plain JavaScript that the cache handler loads without a build.

export { buildPageCsp, type CspOptions } from "./page-policy.mjs";

/** A fresh, unguessable nonce (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
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
