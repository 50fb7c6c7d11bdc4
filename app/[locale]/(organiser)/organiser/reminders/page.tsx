import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { sendReminderAction } from "@/lib/actions/organiser/send-reminder";
import { campaign } from "@/lib/campaign";
import { dryRunReminder, getReminderOverview } from "@/lib/organiser/get-reminder-overview";
import { listJobRuns } from "@/lib/organiser/list-job-runs";
import type { LocaleSearchPageProps } from "@/types/page-props";
import { ActionForm } from "../_components/action-form";
import { AutoRefresh } from "../_components/auto-refresh";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "organiser.reminders" });
  return { title: t("title") };
}

const querySchema = z.object({
  asOf: z.iso.datetime({ local: true }).optional().catch(undefined),
  dryRun: z.literal("1").optional().catch(undefined),
});

const CELL = "border-b border-line px-2 py-1 text-left align-top";

/** The cadence, a dry run, "Send now" and the runs with their outcome. */
export default async function RemindersPage({ params, searchParams }: LocaleSearchPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = querySchema.parse(await searchParams);
  const t = await getTranslations("organiser.reminders");
  const format = await getFormatter();
  const c = campaign();
  const asOf = query.asOf ? new Date(`${query.asOf}Z`) : new Date();
  const [overview, runs, dryRun] = await Promise.all([
    getReminderOverview(c, asOf),
    listJobRuns("reminders", c.id),
    query.dryRun ? dryRunReminder(c, asOf) : Promise.resolve(null),
  ]);
  const tz = c.deadline.timeZone;
  const when = (date: Date, timeZone: string) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  const isRunning = runs.some((run) => run.status === "running");
  const number = (value: unknown) => format.number(typeof value === "number" ? value : 0);
  return (
    <div className="flex flex-col gap-8">
      <AutoRefresh isActive={isRunning} />
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("timeZone", { timeZone: tz })}</p>
        <p>
          {overview.due
            ? t("dueNow", { reminder: overview.due.key, closes: when(overview.due.closesAt, tz) })
            : overview.next
              ? t("nextDue", { reminder: overview.next.key, at: when(overview.next.point, tz) })
              : t("noneLeft")}
        </p>
      </header>

      <section aria-labelledby="cadence-heading" className="flex flex-col gap-2">
        <h2 id="cadence-heading" className="text-2xl font-bold">
          {t("cadence")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr>
                <th className={CELL}>{t("reminder")}</th>
                <th className={CELL}>{t("sendsAt", { timeZone: tz })}</th>
                <th className={CELL}>{t("utc")}</th>
                <th className={CELL}>{t("state")}</th>
                <th className={CELL}>{t("outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.slots.map((slot) => (
                <tr key={slot.key}>
                  <td className={CELL}>{slot.key}</td>
                  <td className={CELL}>{when(slot.point, tz)}</td>
                  <td className={CELL}>{when(slot.point, "UTC")}</td>
                  <td className={CELL}>{t(slot.isDue ? "due" : slot.isPast ? "past" : "upcoming")}</td>
                  <td className={CELL}>
                    <ul>
                      {(overview.outcomes[slot.key] ?? []).map((o) => (
                        <li key={`${o.status}-${o.reason}`}>
                          {t("outcomeLine", { status: o.status, reason: o.reason ?? "", count: o.count })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="dry-run-heading" className="flex flex-col gap-3">
        <h2 id="dry-run-heading" className="text-2xl font-bold">
          {t("dryRunTitle")}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="dryRun" value="1" />
          <label className="flex flex-col text-sm">
            {t("asOf")}
            <input type="datetime-local" name="asOf" defaultValue={query.asOf} className={inputClass} />
          </label>
          <button type="submit" className={buttonClass({ variant: "secondary" })}>
            {t("dryRun")}
          </button>
        </form>
        {dryRun ? (
          <div role="status" className="flex flex-col gap-1">
            <p>
              {dryRun.reminder
                ? t("dryRunResult", { reminder: dryRun.reminder, total: dryRun.total, queued: dryRun.queued })
                : t("dryRunNothing")}
            </p>
            <ul>
              {dryRun.byLocale.map((row) => (
                <li key={row.locale}>{t("byLocale", { locale: row.locale, count: row.count })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <ActionForm
          action={sendReminderAction}
          fields={{ asOf: query.asOf ?? "" }}
          label={t("sendNow")}
          done="started"
        />
        <p className="text-sm text-ink-muted">{t("sendNowHint")}</p>
      </section>

      <section aria-labelledby="waiting-heading" className="flex flex-col gap-2">
        <h2 id="waiting-heading" className="text-2xl font-bold">
          {t("waitingTitle")}
        </h2>
        <p>
          {overview.waiting.heldDeliveries + overview.waiting.retryDeliveries === 0
            ? t("waitingNone")
            : t("waiting", {
                held: overview.waiting.heldDeliveries,
                batches: overview.waiting.heldBatches,
                retry: overview.waiting.retryDeliveries,
                at: overview.waiting.nextRetryAt ? when(new Date(overview.waiting.nextRetryAt), tz) : "",
              })}
        </p>
      </section>

      <section aria-labelledby="runs-heading" className="flex flex-col gap-2">
        <h2 id="runs-heading" className="text-2xl font-bold">
          {t("runsTitle")}
        </h2>
        {runs.length === 0 ? <p>{t("runsNone")}</p> : null}
        <ul className="flex flex-col gap-2">
          {runs.map((run) => (
            <li key={run.id} className={cardClass({ padding: "sm", className: "text-sm" })}>
              <p className="font-semibold">
                {t("runLine", {
                  status: run.status,
                  source: run.source,
                  reminder: run.subject ?? "-",
                  at: when(run.startedAt, tz),
                })}
              </p>
              <p>
                {t("runCounts", {
                  sent: number(run.summary?.sent),
                  skipped: number(run.summary?.skipped),
                  failed: number(run.summary?.failed),
                })}
              </p>
              {run.summary?.skipReasons && typeof run.summary.skipReasons === "object" ? (
                <p>
                  {t("runReasons", {
                    reasons: Object.entries(run.summary.skipReasons as Record<string, number>)
                      .map(([reason, count]) => `${reason} ${count}`)
                      .join(", "),
                  })}
                </p>
              ) : null}
              {run.error ? <p>{t("runError", { error: run.error })}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
