import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { campaign, retentionCutoff } from "@/lib/campaign";
import { pageMetadata } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { DATA_MODEL, UNVERIFIED_PLEDGE_DAYS } from "@/lib/privacy/data-model";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "privacy" });
  const tMeta = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/privacy",
    title: t("metaTitle"),
    description: tMeta("descriptions.privacy"),
  });
}

const H2 = "text-2xl font-bold";

/**
 * The privacy policy, generated from the data model (lib/privacy/data-model.ts, which
 * an integration test holds equal to the database schema) and the campaign config
 * (organiser, data protection authority, retentionDays).
 */
export default async function PrivacyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format] = await Promise.all([getTranslations("privacy"), getFormatter()]);
  const c = campaign();
  const { organiser } = c;
  const cutoff = retentionCutoff(c);
  const date = format.dateTime(cutoff, { dateStyle: "long", timeZone: c.deadline.timeZone });
  const retentionValues = { date, days: c.retentionDays };

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10 px-4 py-10">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro", { company: c.company })}</p>
        <p className="text-sm text-ink-muted">{t("generated")}</p>
      </header>

      <section aria-labelledby="controller-heading" className="flex flex-col gap-2">
        <h2 id="controller-heading" className={H2}>
          {t("controller.title")}
        </h2>
        <p>{t("controller.body", { organiser: organiser.name })}</p>
        <p>
          {t("controller.email")}{" "}
          <a className="underline" href={`mailto:${organiser.email}`}>
            {organiser.email}
          </a>
        </p>
        {organiser.postalAddress && <p>{t("controller.address", { address: organiser.postalAddress })}</p>}
        {organiser.url && (
          <p>
            <a className="underline" href={organiser.url} rel="noopener noreferrer">
              {t("controller.website")}
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="rights-heading" className="flex flex-col gap-2">
        <h2 id="rights-heading" className={H2}>
          {t("rights.title")}
        </h2>
        <ul className="list-disc pl-6">
          <li>{t("rights.access")}</li>
          <li>{t("rights.erasure")}</li>
          <li>{t("rights.object")}</li>
        </ul>
        <Link href="/account" className="self-start underline">
          {t("rights.accountLink")}
        </Link>
        <p>
          {t("rights.complaint")}{" "}
          <a className="underline" href={organiser.dataProtectionAuthority.url} rel="noopener noreferrer">
            {organiser.dataProtectionAuthority.name}
          </a>
        </p>
        <p>{t("rights.contact", { email: organiser.email })}</p>
      </section>

      <section aria-labelledby="third-parties-heading" className="flex flex-col gap-2">
        <h2 id="third-parties-heading" className={H2}>
          {t("thirdParties.title")}
        </h2>
        <p>{t("thirdParties.body")}</p>
        <p>{t("thirdParties.email")}</p>
        <p>{t("thirdParties.meta", { company: c.company })}</p>
      </section>

      <section aria-labelledby="retention-heading" className="flex flex-col gap-2">
        <h2 id="retention-heading" className={H2}>
          {t("retentionSummary.title")}
        </h2>
        <p>
          {/* Rendered when the page is (re)built: past that date the promise is no longer "on {date}". */}
          {t(cutoff.getTime() <= Date.now() ? "retentionSummary.bodyPast" : "retentionSummary.body", {
            ...retentionValues,
            unverifiedDays: UNVERIFIED_PLEDGE_DAYS,
          })}
        </p>
      </section>

      <section aria-labelledby="erasure-heading" className="flex flex-col gap-2">
        <h2 id="erasure-heading" className={H2}>
          {t("erasure.title")}
        </h2>
        <ul className="list-disc pl-6">
          <li>{t("erasure.counters")}</li>
          <li>{t("erasure.invitees")}</li>
          <li>{t("erasure.reports")}</li>
          <li>{t("erasure.suppression")}</li>
        </ul>
      </section>

      <section aria-labelledby="tables-heading" className="flex flex-col gap-6">
        <h2 id="tables-heading" className={H2}>
          {t("tablesTitle")}
        </h2>
        {DATA_MODEL.map((table) => (
          <section key={table.table} aria-labelledby={`table-${table.table}`} className="flex flex-col gap-2">
            <h3 id={`table-${table.table}`} className="text-xl font-bold">
              {t(`tables.${table.key}.title`)}{" "}
              <span className="text-sm font-normal text-ink-subtle">
                ({table.isPersonal ? t("personal") : t("notPersonal")})
              </span>
            </h3>
            <p>{t(`tables.${table.key}.what`)}</p>
            <p>{t(`tables.${table.key}.why`)}</p>
            <p>
              <span className="font-semibold">{t("retentionLabel")}: </span>
              {table.retention
                .map((rule) =>
                  t(
                    `retention.${rule}`,
                    rule === "unverified" ? { days: UNVERIFIED_PLEDGE_DAYS } : retentionValues,
                  ),
                )
                .join(" ")}
            </p>
            <details>
              <summary className="cursor-pointer">{t("fieldsLabel")}</summary>
              <p className="mt-1 font-mono text-sm break-words">
                {table.table}: {table.columns.join(", ")}
              </p>
            </details>
          </section>
        ))}
      </section>
    </div>
  );
}
