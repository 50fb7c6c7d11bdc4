// Cross-site request checks for route handlers that act on the signed-in person
// (server actions get the same check from Next.js itself). Browsers send
// Sec-Fetch-Site on every request and Origin on every POST; a request from another
// site carries one of them with a foreign value.

export type OriginVerdict =
  | { ok: true }
  | { ok: false; reason: "cross_site" | "foreign_origin" | "no_origin" };

import { env } from "../env";

/** The hosts this app answers as: its public one (APP_URL), and the one the request names. */
function ownHosts(headers: Headers, requestUrl: string): string[] {
  const named =
    headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || new URL(requestUrl).host;
  return [new URL(env().APP_URL).host, named];
}

/**
 * Whether a request may change or read the signed-in person's data. `Sec-Fetch-Site`
 * decides when present (same-origin, or none for a typed URL/bookmark); otherwise
 * `Origin` must name this host. State-changing methods need one of the two, so a
 * request without either (an old browser or a script without cookies) is refused.
 */
export function checkSameOrigin(request: Request): OriginVerdict {
  const site = request.headers.get("sec-fetch-site");
  const isSafeMethod = request.method === "GET" || request.method === "HEAD";
  if (site) {
    if (site === "same-origin" || site === "none") return { ok: true };
    // A link followed from another site (e.g. a webmail) may open a GET download;
    // scripts on that site cannot read the answer, and nothing changes.
    if (isSafeMethod && request.headers.get("sec-fetch-mode") === "navigate") return { ok: true };
    return { ok: false, reason: "cross_site" };
  }
  const origin = request.headers.get("origin");
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return { ok: false, reason: "foreign_origin" };
    }
    return ownHosts(request.headers, request.url).includes(host)
      ? { ok: true }
      : { ok: false, reason: "foreign_origin" };
  }
  return isSafeMethod ? { ok: true } : { ok: false, reason: "no_origin" };
}

/** The 403 answer for a refused cross-site request. */
export function crossSiteResponse(): Response {
  return Response.json(
    { error: { code: "cross_site", message: "Cross-site requests are not allowed." } },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}
