// GET /r/:code - a personal invitation link: counts the visit, remembers the referrer, opens the landing page.
import { type NextRequest, NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { campaign } from "@/lib/campaign";
import { env } from "@/lib/env";
import { REFERRAL_CODE_PATTERN } from "@/lib/pledges/referral-code";
import { REFERRAL_COOKIE, REFERRAL_COOKIE_MAX_AGE } from "@/lib/pledges/referral-cookie";
import { referralLandingHtml } from "@/lib/referrals/landing-html";
import { getReferralPreview } from "@/lib/referrals/preview";
import { recordReferralVisit } from "@/lib/referrals/visits";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Relative to APP_URL, never to the Host header.
  const appUrl = env().APP_URL;
  const landingUrl = new URL("/", appUrl).toString();
  // Unknown or malformed codes lead to the landing page all the same, without error.
  const preview = REFERRAL_CODE_PATTERN.test(code) ? await getReferralPreview(code) : null;
  if (!preview || !(await recordReferralVisit(preview.code, new Date()))) {
    const response = NextResponse.redirect(landingUrl, 303);
    response.headers.set("cache-control", "no-store");
    return response;
  }

  // A known code answers with a page that carries this link's own preview (title,
  // image with the first name only if the referrer opted in) and hands browsers on to
  // the landing page at once; the cookie is set on this response either way.
  const [t, tMeta] = await Promise.all([
    getTranslations({ locale: preview.locale, namespace: "referrals.og" }),
    getTranslations({ locale: preview.locale, namespace: "meta" }),
  ]);
  const company = campaign().company;
  const title = preview.firstName
    ? t("referralTitle", { name: preview.firstName, company })
    : t("referralTitleAnonymous", { company });
  const html = referralLandingHtml({
    locale: preview.locale,
    url: new URL(`/r/${preview.code}`, appUrl).toString(),
    imageUrl: new URL(`/r/${preview.code}/image`, appUrl).toString(),
    landingUrl,
    title,
    description: t("referralDescription", { company }),
    imageAlt: title,
    siteName: tMeta("siteName"),
    continueLabel: t("continue"),
  });
  const response = new NextResponse(html, {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
  response.cookies.set(REFERRAL_COOKIE, preview.code, {
    maxAge: REFERRAL_COOKIE_MAX_AGE,
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
  });
  return response;
}
