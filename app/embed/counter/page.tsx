import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { campaign, localized } from "@/lib/campaign";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/log";
import { getPublicStats } from "@/lib/stats";

// The counter for organisers' iframes: plain HTML and inline styles, works without
// JavaScript, no cookies. Nothing sets X-Frame-Options or frame-ancestors here, so any
// site may frame it (the proxy, which could, skips /embed). Its language comes from
// ?lang=fr, as the organiser chose it (no locale prefix here, no negotiation).
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ lang?: string | string[] }> };

async function localeOf(searchParams: Props["searchParams"]): Promise<Locale> {
  const { lang } = await searchParams;
  return typeof lang === "string" && isLocale(lang) ? lang : DEFAULT_LOCALE;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const locale = await localeOf(searchParams);
  const t = await getTranslations({ locale, namespace: "stats" });
  return { title: t("embedFrameTitle", { campaign: localized(campaign().name, locale) }) };
}

export default async function EmbedCounterPage({ searchParams }: Props) {
  const locale = await localeOf(searchParams);
  const t = await getTranslations({ locale, namespace: "stats" });
  const format = await getFormatter({ locale });
  const c = campaign();
  const origin = env().APP_URL.replace(/\/+$/, "");
  let verified: number | null = null;
  try {
    verified = (await getPublicStats(c)).totals.verifiedPledges;
  } catch (error) {
    logger.error({ err: error, route: "embed/counter" }, "figures unavailable");
  }
  return (
    // The root layout cannot read the query string, so the language is set here too.
    <main lang={locale} style={{ padding: "16px", textAlign: "center" }}>
      {verified === null ? (
        <p style={{ margin: 0 }}>{t("embedUnavailable")}</p>
      ) : (
        <>
          <p style={{ margin: 0, fontSize: "40px", fontWeight: 800, color: "#172554", lineHeight: 1.1 }}>
            {format.number(verified)}
          </p>
          <p style={{ margin: "4px 0 0", fontSize: "16px" }}>{t("embedCount", { count: verified })}</p>
        </>
      )}
      <h1 style={{ margin: "8px 0 12px", fontSize: "16px", fontWeight: 700 }}>
        {t("embedCampaign", { campaign: localized(c.name, locale) })}
      </h1>
      <a
        href={`${origin}/${locale}/pledge`}
        target="_blank"
        rel="noopener noreferrer"
        style={{
          display: "inline-block",
          padding: "8px 16px",
          borderRadius: "6px",
          background: "#1e40af",
          color: "#ffffff",
          fontWeight: 600,
          textDecoration: "none",
        }}
      >
        {t("embedCta")} <span style={{ fontWeight: 400 }}>{t("opensInNewTab")}</span>
      </a>
    </main>
  );
}
