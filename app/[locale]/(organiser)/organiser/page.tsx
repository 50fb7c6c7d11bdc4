import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BarChart } from "@/app/[locale]/(marketing)/stats/_components/charts/bar-chart";
import { ColumnChart } from "@/app/[locale]/(marketing)/stats/_components/charts/column-chart";
import { campaign } from "@/lib/campaign";
import { getOverview, type PeriodFigures, RECENT_DAYS } from "@/lib/organiser/get-overview";
import { FigureList } from "./_components/figure-list";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "organiser.overview" });
  return { title: t("title") };
}

/** How the campaign is going: counts and small charts, never who. */
export default async function OverviewPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("organiser.overview");
  const format = await getFormatter();
  const overview = await getOverview(campaign(), new Date());
  const percent = (value: number | null) =>
    value === null ? t("none") : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const period = (id: string, heading: string, figures: PeriodFigures) => (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {heading}
      </h2>
      <FigureList
        items={[
          { key: "pledges", label: t("pledges"), value: format.number(figures.pledges) },
          { key: "rate", label: t("verificationRate"), value: percent(figures.verificationRate) },
          { key: "referral", label: t("referralShare"), value: percent(figures.referralShare) },
          { key: "sent", label: t("remindersSent"), value: format.number(figures.reminders.sent) },
          { key: "failed", label: t("remindersFailed"), value: format.number(figures.reminders.failed) },
          {
            key: "suppressed",
            label: t("remindersSuppressed"),
            value: format.number(figures.reminders.suppressed),
          },
        ]}
      />
      <BarChart
        id={`${id}-objections`}
        title={t("objectionsTitle")}
        description={t("objectionsDescription")}
        data={figures.platforms.flatMap((p) => [
          { key: `${p.id}-s`, label: t("submittedOn", { platform: p.name }), value: p.submitted },
          { key: `${p.id}-c`, label: t("confirmedOn", { platform: p.name }), value: p.confirmed },
        ])}
        formatValue={(value) => format.number(value)}
      />
    </section>
  );
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("today", { count: overview.today.pledges })}</p>
      </header>
      <section aria-labelledby="per-day-heading" className="flex flex-col gap-2">
        <h2 id="per-day-heading" className="text-2xl font-bold">
          {t("perDayTitle", { days: RECENT_DAYS })}
        </h2>
        <ColumnChart
          id="organiser-per-day"
          title={t("perDayTitle", { days: RECENT_DAYS })}
          description={t("perDayDescription", {
            total: overview.perDay.reduce((sum, d) => sum + d.count, 0),
          })}
          data={overview.perDay.map((d) => ({ key: d.day, label: d.day.slice(5), value: d.count }))}
          formatValue={(value) => format.number(value)}
        />
      </section>
      {period("recent", t("recentTitle", { days: RECENT_DAYS }), overview.recent)}
      {period("whole", t("wholeTitle"), overview.campaign)}
    </div>
  );
}
