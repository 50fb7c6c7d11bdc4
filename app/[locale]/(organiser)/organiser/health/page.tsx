import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { cardClass } from "@/components/ui/card";
import { campaign } from "@/lib/campaign";
import { getCampaignHealth } from "@/lib/organiser/get-campaign-health";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "organiser.health" });
  return { title: t("title") };
}

/** The configuration as the app reads it, and warnings about risky states. */
export default async function HealthPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("organiser.health");
  const format = await getFormatter();
  const health = await getCampaignHealth(campaign(), new Date());
  const { config } = health;
  const when = (date: Date, timeZone: string) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="warnings-heading" className="flex flex-col gap-2">
        <h2 id="warnings-heading" className="text-2xl font-bold">
          {t("warningsTitle")}
        </h2>
        {health.warnings.length === 0 ? <p>{t("warningsNone")}</p> : null}
        <ul className="flex flex-col gap-2">
          {health.warnings.map((warning) => (
            <li
              key={warning.code}
              className={cardClass({
                tone: "danger",
                variant: "filled",
                padding: "sm",
                className: "font-semibold text-danger",
              })}
            >
              {t(`warnings.${warning.code}`, {
                count: "count" in warning ? warning.count : 0,
                at:
                  "lastRunAt" in warning && warning.lastRunAt
                    ? when(warning.lastRunAt, config.timeZone)
                    : t("never"),
              })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="config-heading" className="flex flex-col gap-2">
        <h2 id="config-heading" className="text-2xl font-bold">
          {t("configTitle")}
        </h2>
        <dl className="grid grid-cols-1 gap-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("campaign")}</dt>
          <dd>{config.id}</dd>
          <dt className="font-semibold">{t("deadline", { timeZone: config.timeZone })}</dt>
          <dd>{when(config.deadline, config.timeZone)}</dd>
          <dt className="font-semibold">{t("deadlineUtc")}</dt>
          <dd>{when(config.deadline, "UTC")}</dd>
          <dt className="font-semibold">{t("platforms")}</dt>
          <dd>
            <ul>
              {config.platforms.map((p) => (
                <li key={p.id} className="break-all">
                  {t("platformLine", { name: p.name, url: p.formUrl })}
                </li>
              ))}
            </ul>
          </dd>
          <dt className="font-semibold">{t("cadence")}</dt>
          <dd>
            <ul>
              {config.cadence.map((slot) => (
                <li key={slot.key}>
                  {t("cadenceLine", { reminder: slot.key, at: when(slot.point, config.timeZone) })}
                </li>
              ))}
            </ul>
          </dd>
          <dt className="font-semibold">{t("retention")}</dt>
          <dd>
            {t("retentionLine", {
              days: config.retentionDays,
              at: health.lastRetentionAt ? when(health.lastRetentionAt, config.timeZone) : t("never"),
            })}
          </dd>
        </dl>
      </section>
    </div>
  );
}
