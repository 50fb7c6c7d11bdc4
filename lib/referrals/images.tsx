import "server-only";
import { ImageResponse } from "next/og";
import { getTranslations } from "next-intl/server";
import { OgCard } from "@/components/share/og-card";
import { campaign } from "@/lib/campaign";
import { logger } from "@/lib/log";
import { getPublicStats } from "@/lib/stats";
import { imageText, isImageSafe, OG_SIZE } from "./og";
import { getReferralPreview } from "./preview";

// The two link preview images (1200x630 PNG, bundled font, no network). Both show
// the live number of confirmed pledges when the counters can be read, and leave it
// out rather than fail when they cannot.

async function verifiedCount(): Promise<number | null> {
  try {
    return (await getPublicStats()).totals.verifiedPledges;
  } catch (error) {
    logger.warn({ err: error }, "og image: pledge count unavailable");
    return null;
  }
}

async function render(locale: string, headline: string): Promise<ImageResponse> {
  const [t, tMeta, count] = await Promise.all([
    getTranslations({ locale, namespace: "referrals.og" }),
    getTranslations({ locale, namespace: "meta" }),
    verifiedCount(),
  ]);
  const figure = count !== null && count > 0 ? imageText(t("pledged", { count })) : null;
  return new ImageResponse(
    <OgCard eyebrow={tMeta("siteName")} headline={headline} figure={figure} footer={t("cta")} />,
    {
      ...OG_SIZE,
      headers: { "cache-control": "public, max-age=60, stale-while-revalidate=300" },
    },
  );
}

/** The landing page's preview: the campaign and the live pledge count. */
export async function landingImage(locale: string): Promise<ImageResponse> {
  const t = await getTranslations({ locale, namespace: "referrals.og" });
  return render(locale, t("landingHeadline", { company: campaign().company }));
}

/** A personal link's preview: the referrer's first name only if they chose to show it. */
export async function referralImage(code: string, fallbackLocale: string): Promise<ImageResponse> {
  const preview = await getReferralPreview(code);
  const locale = preview?.locale ?? fallbackLocale;
  const t = await getTranslations({ locale, namespace: "referrals.og" });
  const name = preview?.firstName && isImageSafe(preview.firstName) ? preview.firstName : null;
  return render(locale, name ? t("invitedBy", { name }) : t("invited"));
}
