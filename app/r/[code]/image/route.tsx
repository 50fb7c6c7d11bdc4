// GET /r/:code/image - a personal link's preview image (PNG, 1200x630), for og:image.
//
// A known code: drawn per request (first name if its owner chose to show it, live
// count). An unknown or malformed code: a 307 to one static image drawn once
// (public/og/invitation.png), cacheable for a day, so made-up codes cost no drawing.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { referralImage } from "@/lib/referrals/images";
import { getReferralPreview } from "@/lib/referrals/preview";

export const dynamic = "force-dynamic";

/** The anonymous invitation, as the known-code image draws it without a name or count. */
const INVITATION_IMAGE_PATH = "/og/invitation.png";

export async function GET(_request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const preview = await getReferralPreview(code);
  if (!preview) {
    const response = NextResponse.redirect(new URL(INVITATION_IMAGE_PATH, env().APP_URL), 307);
    response.headers.set("cache-control", "public, max-age=86400");
    return response;
  }
  return referralImage(preview.code, DEFAULT_LOCALE);
}
