import type { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { REFERRAL_CODE_PATTERN } from "@/lib/pledges/referral-code";
import { REFERRAL_COOKIE, REFERRAL_COOKIE_MAX_AGE } from "@/lib/pledges/referral-cookie";

// Locale negotiation: "/" and unprefixed paths redirect to /<locale>/... chosen from
// the NEXT_LOCALE cookie, then Accept-Language, then the default.
const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const response = intl(request);
  // ?ref=CODE on any page remembers the referrer like /r/CODE does (validated when used).
  const ref = request.nextUrl.searchParams.get("ref");
  if (ref && REFERRAL_CODE_PATTERN.test(ref)) {
    response.cookies.set(REFERRAL_COOKIE, ref, {
      maxAge: REFERRAL_COOKIE_MAX_AGE,
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/",
    });
  }
  return response;
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|embed|r/|dev/|.*\\..*).*)"],
};
