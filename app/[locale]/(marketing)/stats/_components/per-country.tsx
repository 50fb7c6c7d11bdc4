import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Disclosure } from "@/components/ui/disclosure";
import type { PublicStats } from "@/lib/stats";
import { BarChart } from "./charts/bar-chart";
import { countryNamer } from "./country-name";
import { DataTable } from "./data-table";

export async function PerCountry({ stats }: { stats: PublicStats }) {
  const t = await getTranslations("stats");
  const format = await getFormatter();
  const locale = await getLocale();
  const nameOf = countryNamer(locale, t("outsideEea"));
  const threshold = stats.privacyThreshold;
  const shown = stats.countries.flatMap((c) => (c.count === null ? [] : [{ code: c.code, count: c.count }]));
  // Most countries start below the threshold: a count, and their names folded away.
  const below = stats.countries
    .filter((c) => c.count === null)
    .map((c) => ({ code: c.code, name: nameOf(c.code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const hiddenCount = t("hiddenCount");
  return (
    <section aria-labelledby="per-country-heading">
      <h2 id="per-country-heading" className="text-2xl font-bold">
        {t("countriesHeading")}
      </h2>
      <p className="mt-2 text-ink-muted">{t("countriesIntro", { threshold })}</p>
      {shown.length > 0 ? (
        <figure className="mt-4">
          <BarChart
            id="per-country-chart"
            title={t("countriesChartTitle")}
            description={t("countriesChartDescription", { count: shown.length, threshold })}
            data={shown.map((c) => ({ key: c.code, label: nameOf(c.code), value: c.count }))}
            formatValue={(value) => format.number(value)}
          />
        </figure>
      ) : (
        <p className="mt-4 font-medium">{t("countriesNone", { threshold })}</p>
      )}
      {below.length > 0 && (
        <div className="mt-4 flex flex-col gap-3">
          <p className="text-sm text-ink-muted">{t("countriesHidden", { count: below.length, threshold })}</p>
          <Disclosure summary={t("countriesHiddenList")}>
            <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
              {below.map((c) => (
                <li key={c.code}>{c.name}</li>
              ))}
            </ul>
          </Disclosure>
        </div>
      )}
      <DataTable
        isHidden
        caption={t("countriesCaption")}
        columns={[t("columnCountry"), t("columnPledges")]}
        rows={stats.countries.map((c) => ({
          key: c.code,
          cells: [nameOf(c.code), c.count === null ? hiddenCount : format.number(c.count)],
        }))}
      />
    </section>
  );
}
