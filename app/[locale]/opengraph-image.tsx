import { landingImage } from "@/lib/referrals/images";

// The landing page's link preview, with the live pledge count: drawn per request
// (from the in-process stats cache), never at build time.
export const dynamic = "force-dynamic";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function OpenGraphImage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return landingImage(locale);
}
