import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { cardClass } from "@/components/ui/card";
import { approveReferralsAction } from "@/lib/actions/organiser/approve-referrals";
import { dismissReferralsAction } from "@/lib/actions/organiser/dismiss-referrals";
import { resolveLinkReportsAction } from "@/lib/actions/organiser/resolve-link-reports";
import { campaign } from "@/lib/campaign";
import { listReviews } from "@/lib/organiser/list-reviews";
import { ActionForm } from "../_components/action-form";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "organiser.reviews" });
  return { title: t("title") };
}

const CARD = cardClass({ padding: "sm", className: "flex flex-col gap-2" });

/** Broken-link reports, flagged referrals and the suppression list: counts, never who. */
export default async function ReviewsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("organiser.reviews");
  const format = await getFormatter();
  const c = campaign();
  const reviews = await listReviews(c);
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: c.deadline.timeZone });
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>

      <section aria-labelledby="reports-heading" className="flex flex-col gap-3">
        <h2 id="reports-heading" className="text-2xl font-bold">
          {t("reportsTitle")}
        </h2>
        {reviews.linkReports.length === 0 ? <p>{t("reportsNone")}</p> : null}
        <ul className="flex flex-col gap-3">
          {reviews.linkReports.map((group) => (
            <li key={group.platform} className={CARD}>
              <p className="font-semibold">
                {t("reportLine", { platform: group.name, count: group.open, at: when(group.lastReportedAt) })}
              </p>
              {group.formUrl ? <p className="break-all text-sm">{group.formUrl}</p> : null}
              <ActionForm
                action={resolveLinkReportsAction}
                fields={{ platform: group.platform }}
                label={t("markHandled", { platform: group.name })}
                done="resolved"
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="flags-heading" className="flex flex-col gap-3">
        <h2 id="flags-heading" className="text-2xl font-bold">
          {t("flagsTitle")}
        </h2>
        <p className="text-sm text-ink-muted">{t("flagsHint")}</p>
        {reviews.flaggedReferrals.length === 0 ? <p>{t("flagsNone")}</p> : null}
        <ul className="flex flex-col gap-3">
          {reviews.flaggedReferrals.map((row) => (
            <li key={row.referrerPledgeId} className={CARD}>
              <p className="font-semibold break-all">
                {t("flagLine", {
                  referrer: row.referrerPledgeId,
                  count: row.flagged,
                  reasons: row.reasons.join(", "),
                  at: when(row.since),
                })}
              </p>
              <div className="flex flex-wrap gap-3">
                <ActionForm
                  action={approveReferralsAction}
                  fields={{ referrer: row.referrerPledgeId }}
                  label={t("approve")}
                  done="approved"
                />
                <ActionForm
                  action={dismissReferralsAction}
                  fields={{ referrer: row.referrerPledgeId }}
                  label={t("dismiss")}
                  done="dismissed"
                />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="suppressions-heading" className="flex flex-col gap-3">
        <h2 id="suppressions-heading" className="text-2xl font-bold">
          {t("suppressionsTitle")}
        </h2>
        {reviews.suppressions.length === 0 ? <p>{t("suppressionsNone")}</p> : null}
        <ul>
          {reviews.suppressions.map((row) => (
            <li key={row.reason}>{t("suppressionLine", { reason: row.reason, count: row.count })}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
