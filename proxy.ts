import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { REFERRAL_CODE_PATTERN } from "@/lib/pledges/referral-code";
import { REFERRAL_COOKIE, REFERRAL_COOKIE_MAX_AGE } from "@/lib/pledges/referral-cookie";
import {
  buildPageCsp,
  createNonce,
  FRAME_DENY_HEADER,
  isFrameablePath,
  REQUEST_ID_HEADER,
  requestIdFrom,
  SECURITY_HEADERS,
} from "@/lib/security";

// Locale negotiation: "/" and unprefixed paths redirect to /<locale>/... chosen from
// the NEXT_LOCALE cookie, then Accept-Language, then the default.
const intl = createMiddleware(routing);

const isDev = process.env.NODE_ENV === "development";

/**
 * Every page gets a fresh CSP nonce: Next.js reads it from the request's
 * Content-Security-Policy header and puts it on its own scripts. The request id
 * travels to the app (logs) and back to the client.
 */
export default function proxy(request: NextRequest) {
  const nonce = createNonce();
  const frameable = isFrameablePath(request.nextUrl.pathname);
  const csp = buildPageCsp({ nonce, isDev, frameAncestors: frameable ? "any" : "none" });
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  // The embeddable counter has no locale prefix and must not be redirected.
  const response = frameable
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : intl(new NextRequest(request, { headers: requestHeaders }));

  // ?ref=CODE on any page remembers the referrer like /r/CODE does (validated when used).
  const ref = request.nextUrl.searchParams.get("ref");
  if (!frameable && ref && REFERRAL_CODE_PATTERN.test(ref)) {
    response.cookies.set(REFERRAL_COOKIE, ref, {
      maxAge: REFERRAL_COOKIE_MAX_AGE,
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/",
    });
  }

  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (!frameable)
    for (const [name, value] of Object.entries(FRAME_DENY_HEADER)) response.headers.set(name, value);
  return response;
}

// API routes, /r/ links, /dev/ tools and files are skipped (their headers come from
// next.config.ts); /embed runs here for its nonce but skips locale handling above.
export const config = {
  matcher: ["/((?!api|_next|_vercel|r/|dev/|.*\\..*).*)"],
};
