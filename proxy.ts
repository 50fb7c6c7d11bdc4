import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { routing } from "@/lib/i18n/routing";
import { REFERRAL_CODE_PATTERN } from "@/lib/pledges/referral-code-pattern";
import { REFERRAL_COOKIE, referralCookieOptions } from "@/lib/pledges/referral-cookie";
import {
  buildPageCsp,
  createNonce,
  FRAME_DENY_HEADER,
  isFrameablePath,
  REQUEST_ID_HEADER,
  requestIdFrom,
  SECURITY_HEADERS,
} from "@/lib/security";
import { prerenderedRoutes } from "@/lib/security/prerendered";

// Locale negotiation: "/" and unprefixed paths redirect to /<locale>/... chosen from
// the NEXT_LOCALE cookie, then Accept-Language, then the default.
const intl = createMiddleware(routing);

const isDev = process.env.NODE_ENV === "development";

/** /embed/counter?lang=fr is the counter's public address; the page is /embed/counter/fr. */
function embedTarget(request: NextRequest): URL | null {
  if (request.nextUrl.pathname !== "/embed/counter") return null;
  const lang = request.nextUrl.searchParams.get("lang") ?? "";
  return new URL(`/embed/counter/${isLocale(lang) ? lang : DEFAULT_LOCALE}`, request.url);
}

/**
 * Two kinds of pages:
 * - served from the ISR cache (the build's prerendered routes, GET and HEAD): the same
 *   HTML for everyone, so no nonce; their CSP, with the hashes of their inline scripts,
 *   travels with the cached page (lib/security/isr-cache-handler.mjs);
 * - everything else (signed-in and email-link pages, not-found, form posts): a fresh
 *   CSP nonce, which Next.js reads from the request's Content-Security-Policy header
 *   and puts on its own scripts.
 * The request id travels to the app (logs) and back to the client.
 */
export default function proxy(request: NextRequest) {
  const embed = embedTarget(request);
  const pathname = embed?.pathname ?? request.nextUrl.pathname;
  const frameable = isFrameablePath(pathname);
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));

  // ?ref=CODE on any page remembers the referrer like /r/CODE does (validated when
  // used), then sends the visitor to the same address without it: the cookie never
  // rides on a response that a CDN may cache for everyone.
  const ref = request.nextUrl.searchParams.get("ref");
  if (!frameable && ref && REFERRAL_CODE_PATTERN.test(ref) && request.method === "GET") {
    const clean = request.nextUrl.clone();
    clean.searchParams.delete("ref");
    const response = NextResponse.redirect(clean, 307);
    response.cookies.set(
      REFERRAL_COOKIE,
      ref,
      referralCookieOptions({ secure: request.nextUrl.protocol === "https:" }),
    );
    response.headers.set("Cache-Control", "private, no-store");
    return withCommonHeaders(response, { requestId, frameable });
  }

  const cached =
    !isDev && (request.method === "GET" || request.method === "HEAD") && prerenderedRoutes().has(pathname);
  const requestHeaders = new Headers(request.headers);
  // A client-sent policy or nonce must never reach a render (Next.js reads the nonce from it).
  requestHeaders.delete("content-security-policy");
  requestHeaders.delete("x-nonce");
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  let csp: string | undefined;
  if (!cached) {
    const nonce = createNonce();
    csp = buildPageCsp({ nonce, isDev, frameAncestors: frameable ? "any" : "none" });
    requestHeaders.set("content-security-policy", csp);
    requestHeaders.set("x-nonce", nonce);
  }

  // The embeddable counter has no locale prefix and must not be redirected.
  const response = embed
    ? NextResponse.rewrite(embed, { request: { headers: requestHeaders } })
    : frameable
      ? NextResponse.next({ request: { headers: requestHeaders } })
      : intl(new NextRequest(request, { headers: requestHeaders }));

  if (csp) response.headers.set("Content-Security-Policy", csp);
  return withCommonHeaders(response, { requestId, frameable });
}

function withCommonHeaders(
  response: NextResponse,
  { requestId, frameable }: { requestId: string; frameable: boolean },
) {
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (!frameable)
    for (const [name, value] of Object.entries(FRAME_DENY_HEADER)) response.headers.set(name, value);
  return response;
}

// API routes, /r/ links, /dev/ tools and files are skipped (their headers come from
// next.config.ts); /embed runs here for its nonce but skips locale handling above.
// So are requests the production server marked as a cached page's (CACHED_PAGE_HEADER,
// scripts/server.ts): the same bytes for everyone, with their CSP from the cache and
// their other headers from next.config.ts. (A literal: Next.js reads it at build time.)
export const config = {
  matcher: [
    {
      source: "/((?!api|_next|_vercel|r/|dev/|.*\\..*).*)",
      missing: [{ type: "header", key: "x-app-cached-page" }],
    },
  ],
};
