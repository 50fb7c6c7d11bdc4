export type CspOptions = {
  /** Per-request nonce for scripts (pages rendered per request). */
  nonce?: string;
  /** Base64 SHA-256 of each inline script of one prerendered document (ignored with a nonce). */
  scriptHashes?: readonly string[];
  /** Development needs 'unsafe-eval' (React rebuilds server error stacks with eval). */
  isDev?: boolean;
  /** Who may frame the response: nobody by default; anyone for the embeddable counter. */
  frameAncestors?: "none" | "any";
};
export function isFrameablePath(pathname: string): boolean;
export function buildPageCsp(options?: CspOptions): string;
