import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { PublicStats } from "@/lib/stats";

export async function Totals({ stats }: { stats: PublicStats }) {
  const t = await getTranslations("stats");
  const format = await getFormatter();
  const n = (value: number) => format.number(value);
  const share =
    stats.referralShare === null
      ? null
      : format.number(stats.referralShare, { style: "percent", maximumFractionDigits: 1 });
  const items = [
    { key: "pledges", label: t("pledges"), value: n(stats.totals.pledges), hint: t("pledgesHint") },
    {
      key: "verified",
      label: t("verifiedPledges"),
      value: n(stats.totals.verifiedPledges),
      hint: t("verifiedPledgesHint"),
    },
    {
      key: "submitted",
      label: t("objectionsSubmitted"),
      value: n(stats.totals.objectionsSubmitted),
      hint: t("objectionsSubmittedHint"),
    },
    {
      key: "confirmed",
      label: t("objectionsConfirmed"),
      value: n(stats.totals.objectionsConfirmed),
      hint: t("objectionsConfirmedHint"),
    },
    { key: "finished", label: t("finished"), value: n(stats.totals.finished), hint: t("finishedHint") },
    {
      key: "referred",
      label: t("referralShare"),
      value: share ?? "–",
      hint:
        share === null
          ? t("referralShareNone")
          : t("referralShareHint", { referred: n(stats.totals.referredPledges) }),
    },
  ];
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading" className="text-2xl font-bold">
        {t("totalsHeading")}
      </h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((item) => (
          <Card key={item.key}>
            <dt className="text-sm font-semibold text-ink-muted">{item.label}</dt>
            <dd className="mt-1 text-3xl font-extrabold tabular-nums text-accent-strong">{item.value}</dd>
            <dd className="mt-1 text-sm text-ink-muted">{item.hint}</dd>
          </Card>
        ))}
      </dl>
    </section>
  );
}
