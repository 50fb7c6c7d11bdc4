// GET /r/:code - a personal invitation link: remembers the referrer, then opens the landing page.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { REFERRAL_CODE_PATTERN } from "@/lib/pledges/referral-code";
import { REFERRAL_COOKIE, REFERRAL_COOKIE_MAX_AGE } from "@/lib/pledges/referral-cookie";
import { recordReferralVisit } from "@/lib/referrals/visits";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Relative to APP_URL, never to the Host header.
  const response = NextResponse.redirect(new URL("/", env().APP_URL), 303);
  // Unknown or malformed codes lead to the landing page all the same, without error.
  if (REFERRAL_CODE_PATTERN.test(code) && (await recordReferralVisit(code, new Date()))) {
    response.cookies.set(REFERRAL_COOKIE, code, {
      maxAge: REFERRAL_COOKIE_MAX_AGE,
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/",
    });
  }
  response.headers.set("cache-control", "no-store");
  return response;
}
