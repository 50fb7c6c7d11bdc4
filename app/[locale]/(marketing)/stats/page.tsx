import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Countdown } from "@/components/countdown";
import { campaign, deadlineOf, localized } from "@/lib/campaign";
import { env } from "@/lib/env";
import { pageMetadata } from "@/lib/i18n/metadata";
import { getPublicStatsIfAvailable } from "@/lib/stats";
import { EmbedSnippet } from "./_components/embed-snippet";
import { Funnel } from "./_components/funnel";
import { PerCountry } from "./_components/per-country";
import { PerDay } from "./_components/per-day";
import { Platforms } from "./_components/platforms";
import { Totals } from "./_components/totals";

// Prerendered and revalidated with the other public pages ((marketing)/layout.tsx),
// from the in-process stats cache (lib/stats/cache.ts): a render never waits on more
// than a bounded counter read. The figures are in the HTML, so the page works without
// JavaScript; each revalidated version gets its own CSP hashes. No loading.tsx on
// purpose: its Suspense boundary would stream the figures behind a fallback that only
// JavaScript swaps out.

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "stats" });
  return pageMetadata({
    locale,
    path: "/stats",
    title: t("metaTitle"),
    description: t("metaDescription", { company: campaign().company }),
  });
}

export default async function StatsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("stats");
  const format = await getFormatter();
  const c = campaign();
  const stats = await getPublicStatsIfAvailable(c, { route: "stats" });
  const deadline = deadlineOf(c);
  const deadlineLabel = format.dateTime(deadline, { dateStyle: "long", timeZone: c.deadline.timeZone });

  return (
    <div className="mx-auto max-w-5xl space-y-12 px-4 py-10">
      <header>
        <h1 className="text-3xl font-extrabold sm:text-4xl">{t("title")}</h1>
        <p className="mt-3 max-w-3xl text-lg text-ink-muted">{t("intro", { company: c.company })}</p>
        <p className="mt-2 text-sm text-ink-muted">
          {stats
            ? t("updatedAt", {
                time: format.dateTime(new Date(stats.generatedAt), {
                  dateStyle: "long",
                  timeStyle: "short",
                  timeZone: c.deadline.timeZone,
                }),
                seconds: stats.maxStalenessSeconds,
              })
            : t("unavailable")}
        </p>
      </header>
      <Countdown
        deadlineMs={deadline.getTime()}
        renderedAtMs={Date.now()}
        company={c.company}
        deadlineLabel={deadlineLabel}
      />
      {stats && (
        <>
          <Totals stats={stats} />
          <Funnel stats={stats} />
          <Platforms stats={stats} />
          <PerDay stats={stats} />
          <PerCountry stats={stats} />
        </>
      )}
      <EmbedSnippet appUrl={env().APP_URL} campaignName={localized(c.name, locale)} />
    </div>
  );
}
