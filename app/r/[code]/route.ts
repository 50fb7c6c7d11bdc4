// GET /r/:code - a personal link: counts the visit, remembers the referrer, opens its invitation page.
//
// 307 to /<locale>/r/CODE (the same page for everyone, cached) with the referral
// cookie; unknown or malformed codes: 303 to the landing page, without error. Every
// answer is private: a CDN must not keep one visitor's redirect (their language, their
// cookie, their counted visit) for the next.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/negotiate";
import { REFERRAL_COOKIE, referralCookieOptions } from "@/lib/pledges/referral-cookie";
import { openReferralLink } from "@/lib/referrals/invitation";
import { invitationPath } from "@/lib/referrals/share";

export const dynamic = "force-dynamic";

const PRIVATE = "private, no-store";

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Relative to APP_URL, never to the Host header.
  const appUrl = env().APP_URL;
  const preview = await openReferralLink(code, new Date());
  if (!preview) {
    const response = NextResponse.redirect(new URL("/", appUrl), 303);
    response.headers.set("cache-control", PRIVATE);
    return response;
  }
  // The visitor's remembered language, else their browser's, else the one the link's
  // owner uses (link previews send no Accept-Language).
  const locale = negotiateLocale({
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
    fallback: preview.locale,
  });
  const response = NextResponse.redirect(new URL(invitationPath(locale, preview.code), appUrl), 307);
  response.headers.set("cache-control", PRIVATE);
  response.cookies.set(
    REFERRAL_COOKIE,
    preview.code,
    referralCookieOptions({ secure: request.nextUrl.protocol === "https:" }),
  );
  return response;
}
