// GET /r/:code/image - a personal link's preview image (PNG, 1200x630), for og:image.
import type { NextRequest } from "next/server";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { referralImage } from "@/lib/referrals/images";

export const dynamic = "force-dynamic";

export async function GET(_request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Unknown or malformed codes get the anonymous invitation, never an error.
  return referralImage(code, DEFAULT_LOCALE);
}
