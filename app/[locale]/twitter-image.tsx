import { landingImage } from "@/lib/referrals/images";

// The same preview as opengraph-image.tsx, for cards that read twitter:image.
export const dynamic = "force-dynamic";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function TwitterImage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return landingImage(locale);
}
