// Security headers shared by every response (pages through proxy.ts, everything else
// through next.config.ts `headers()`).

const TWO_YEARS_SECONDS = 2 * 365 * 24 * 60 * 60;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Strict-Transport-Security": `max-age=${TWO_YEARS_SECONDS}; includeSubDomains`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // No page needs any of these powerful features; deny them to embedded content too.
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Legacy clickjacking header for browsers without frame-ancestors; omitted where framing is allowed. */
export const FRAME_DENY_HEADER = { "X-Frame-Options": "DENY" } as const;

export { isFrameablePath } from "./page-policy.mjs";

export const REQUEST_ID_HEADER = "x-request-id";

/** A request id from a trusted upstream (same shape as ours), or a new one. */
export function requestIdFrom(incoming: string | null): string {
  return incoming && /^[A-Za-z0-9._-]{8,128}$/.test(incoming) ? incoming : crypto.randomUUID();
}
