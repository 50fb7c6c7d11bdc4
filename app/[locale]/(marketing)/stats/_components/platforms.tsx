import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicStats } from "@/lib/stats";
import { DataTable } from "./data-table";

export async function Platforms({ stats }: { stats: PublicStats }) {
  const t = await getTranslations("stats");
  const format = await getFormatter();
  return (
    <section aria-labelledby="platforms-heading">
      <h2 id="platforms-heading" className="text-2xl font-bold">
        {t("platformsHeading")}
      </h2>
      <div className="mt-4 overflow-x-auto">
        <DataTable
          caption={t("platformsCaption")}
          columns={[t("columnPlatform"), t("columnSubmitted"), t("columnConfirmed")]}
          rows={stats.platforms.map((platform) => ({
            key: platform.id,
            cells: [platform.name, format.number(platform.submitted), format.number(platform.confirmed)],
          }))}
        />
      </div>
    </section>
  );
}
