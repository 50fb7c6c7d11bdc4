import "server-only";
import type { Campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { countWaiting, planReminder, type WaitingBatches } from "@/lib/reminders/queue";
import { dueReminder, type ReminderSlot, reminderSlots } from "@/lib/reminders/schedule";

// What the console's reminders page shows: the cadence, the reminder due (or next),
// who would get it as counts by language, what each reminder's deliveries came to
// (sent, skipped, failed, with their reasons) and what waits under a lease.

export type ReminderOutcome = { status: string; reason: string | null; count: number };

export type ReminderOverview = {
  slots: (ReminderSlot & { isDue: boolean; isPast: boolean })[];
  due: ReminderSlot | null;
  next: ReminderSlot | null;
  outcomes: Record<string, ReminderOutcome[]>;
  waiting: WaitingBatches;
};

/** The cadence and its deliveries as of `asOf` (the real time, or the organiser's "as of"). */
export async function getReminderOverview(campaign: Campaign, asOf: Date): Promise<ReminderOverview> {
  const slots = reminderSlots(campaign);
  const due = dueReminder(campaign, asOf);
  const next = slots.find((slot) => slot.point.getTime() > asOf.getTime()) ?? null;
  const [rows, waiting] = await Promise.all([
    db.$queryRaw<{ key: string; status: string; reason: string | null; count: number }[]>`
      SELECT reminder_key AS key, status::text AS status,
        CASE WHEN status IN ('SKIPPED', 'FAILED') THEN last_error END AS reason, count(*)::int AS count
      FROM reminder_deliveries WHERE campaign_id = ${campaign.id}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    countWaiting(campaign.id, asOf),
  ]);
  const outcomes: Record<string, ReminderOutcome[]> = {};
  for (const row of rows) {
    // Failure messages are the provider's words; only their first line, trimmed.
    const reason = row.reason ? row.reason.split("\n")[0]!.slice(0, 120) : null;
    outcomes[row.key] = [...(outcomes[row.key] ?? []), { status: row.status, reason, count: row.count }];
  }
  return {
    slots: slots.map((slot) => ({
      ...slot,
      isDue: slot.key === due?.key,
      isPast: slot.closesAt.getTime() <= asOf.getTime(),
    })),
    due,
    next,
    outcomes,
    waiting,
  };
}

export type DryRun = {
  reminder: string | null;
  total: number;
  /** Already queued (an earlier run enqueued them, not sent yet). */
  queued: number;
  byLocale: { locale: string; count: number }[];
};

/** Who would get the reminder due at `asOf`, as counts by language: writes nothing. */
export async function dryRunReminder(campaign: Campaign, asOf: Date): Promise<DryRun> {
  const slot = dueReminder(campaign, asOf);
  if (!slot) return { reminder: null, total: 0, queued: 0, byLocale: [] };
  const planned = await planReminder(campaign, slot);
  const ids = planned.map((p) => p.userId);
  const locales = await db.pledge.groupBy({
    by: ["locale"],
    where: { campaignId: campaign.id, userId: { in: ids } },
    _count: { _all: true },
    orderBy: { locale: "asc" },
  });
  return {
    reminder: slot.key,
    total: planned.length,
    queued: planned.filter((p) => p.queued).length,
    byLocale: locales.map((row) => ({ locale: row.locale, count: row._count._all })),
  };
}
