import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicStats } from "@/lib/stats";
import { ColumnChart } from "./charts/column-chart";
import { DataTable } from "./data-table";

export async function PerDay({ stats }: { stats: PublicStats }) {
  const t = await getTranslations("stats");
  const format = await getFormatter();
  // Days are calendar days already (campaign time zone): format them as such, in UTC.
  const dayLabel = (day: string, style: "short" | "long") =>
    format.dateTime(new Date(`${day}T12:00:00Z`), {
      day: "numeric",
      month: style === "short" ? "short" : "long",
      ...(style === "long" ? { year: "numeric" } : {}),
      timeZone: "UTC",
    });
  const days = stats.perDay;
  const first = days[0];
  const last = days.at(-1);
  return (
    <section aria-labelledby="per-day-heading">
      <h2 id="per-day-heading" className="text-2xl font-bold">
        {t("perDayHeading")}
      </h2>
      {first && last ? (
        <figure className="mt-4">
          <ColumnChart
            id="per-day-chart"
            title={t("perDayChartTitle")}
            description={t("perDayChartDescription", {
              first: dayLabel(first.day, "long"),
              last: dayLabel(last.day, "long"),
              total: format.number(days.reduce((sum, d) => sum + d.count, 0)),
              max: format.number(Math.max(...days.map((d) => d.count))),
            })}
            data={days.map((d) => ({ key: d.day, label: dayLabel(d.day, "short"), value: d.count }))}
            formatValue={(value) => format.number(value)}
          />
          <DataTable
            isHidden
            caption={t("perDayCaption")}
            columns={[t("columnDay"), t("columnPledges")]}
            rows={days.map((d) => ({ key: d.day, cells: [dayLabel(d.day, "long"), format.number(d.count)] }))}
          />
        </figure>
      ) : (
        <p className="mt-2 text-ink-muted">{t("perDayEmpty")}</p>
      )}
    </section>
  );
}
