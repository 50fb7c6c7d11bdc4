import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { cardClass } from "@/components/ui/card";
import { campaign } from "@/lib/campaign";
import { listAuditEntries } from "@/lib/organiser/list-audit-entries";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "organiser.audit" });
  return { title: t("title") };
}

/** Every organiser action: who, what, when, how it ended; newest first. */
export default async function AuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("organiser.audit");
  const format = await getFormatter();
  const entries = await listAuditEntries();
  const timeZone = campaign().deadline.timeZone;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {entries.length === 0 ? <p>{t("none")}</p> : null}
      <ol className="flex flex-col gap-2">
        {entries.map((entry) => (
          <li key={entry.id} className={cardClass({ padding: "sm", className: "text-sm break-all" })}>
            {t("line", {
              at: format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone }),
              organiser: entry.organiser,
              action: entry.action,
              target: entry.target ?? "-",
              result: entry.result,
              detail: entry.detail ? JSON.stringify(entry.detail) : "",
            })}
          </li>
        ))}
      </ol>
    </div>
  );
}
