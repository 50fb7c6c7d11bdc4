import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { campaign, localized } from "@/lib/campaign";
import { env } from "@/lib/env";
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/locales";
import { getPublicStatsIfAvailable } from "@/lib/stats";

// The counter for organisers' iframes: plain HTML and inline styles, works without
// JavaScript, no cookies. Nothing sets X-Frame-Options or frame-ancestors here, so any
// site may frame it. Its public address is /embed/counter?lang=fr, as the organiser
// chose the language (no locale prefix, no negotiation); proxy.ts rewrites that to
// this page, one per language, so that each is prerendered and revalidated like the
// public pages (lib/http/page-cache.ts), from the same figures as /api/stats.

// A literal, as Next.js requires: PAGE_REVALIDATE_SECONDS (a unit test keeps them equal).
export const revalidate = 10;
export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.map((lang) => ({ lang }));
}

type Props = { params: Promise<{ lang: string }> };

async function localeOf(params: Props["params"]): Promise<Locale> {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  return lang;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "stats" });
  return { title: t("embedFrameTitle", { campaign: localized(campaign().name, locale) }) };
}

export default async function EmbedCounterPage({ params }: Props) {
  // Per request with a nonce on Vercel, like the public pages ((marketing)/layout.tsx).
  if (process.env.VERCEL) await connection();
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "stats" });
  const format = await getFormatter({ locale });
  const c = campaign();
  const origin = env().APP_URL.replace(/\/+$/, "");
  const verified =
    (await getPublicStatsIfAvailable(c, { route: "embed/counter" }))?.totals.verifiedPledges ?? null;
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
