import { randomUUID } from "node:crypto";
import type { Campaign } from "@/lib/campaign";
import { db, Prisma } from "@/lib/db";
import { MAX_BATCH_SIZE } from "@/lib/mail/send-batch";
import type { ReminderSlot } from "./schedule";

// The table reminder_deliveries is the queue. Exactly once, across processes and crashes:
// - One row per person and reminder (unique user, campaign, key), inserted before any
//   send: a second enqueue, by the same or another process, inserts nothing.
// - Claiming is one UPDATE over rows picked FOR UPDATE SKIP LOCKED: two senders never
//   get the same row. Claimed rows become SENDING with a batch id in claimed_by and
//   next_attempt_at at the end of the claim's lease.
// - A batch whose send failed transiently, or whose sender died (lease over), stays
//   SENDING and is taken again whole (only by whoever locks its first row), so it is
//   retried with the same rows and the same idempotency key (see batchKey).

/** How long a sender owns a claimed batch before another may take it over. */
export const LEASE_MS = 2 * 60_000;
const ENQUEUE_CHUNK = 5000;

/** A timestamp parameter for the `timestamp(3)` columns, which hold UTC. */
export function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

const NOW_UTC = Prisma.sql`(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')`;

/**
 * Who gets `slot` (see ./todo.ts for "still has something to do"): verified pledges
 * of the campaign with reminder consent, given (like the verification) by the
 * reminder's point, not unsubscribed, not finished, with an address not suppressed
 * and at least one objection still to file. `p` is pledges, `u` users.
 */
function eligible(campaign: Campaign, slot: ReminderSlot): Prisma.Sql {
  const known = campaign.platforms.map((p) => p.id);
  return Prisma.sql`
    p.campaign_id = ${campaign.id}
    AND p.verified_at IS NOT NULL AND p.verified_at <= ${utc(slot.point)}
    AND p.reminders_consent AND p.unsubscribed_at IS NULL
    AND COALESCE(p.reminders_consent_at, p.verified_at) <= ${utc(slot.point)}
    AND p.finished_at IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM email_suppressions es
      WHERE es.email_hash = encode(sha256(convert_to(lower(btrim(u.email)), 'UTF8')), 'hex'))
    AND EXISTS (
      SELECT 1 FROM unnest(p.platforms) AS pl(platform)
      WHERE pl.platform = ANY(${known}::text[]) AND (
        NOT EXISTS (
          SELECT 1 FROM submissions s
          WHERE s.user_id = p.user_id AND s.campaign_id = p.campaign_id AND s.platform = pl.platform)
        OR EXISTS (
          SELECT 1 FROM submissions s
          WHERE s.user_id = p.user_id AND s.campaign_id = p.campaign_id AND s.platform = pl.platform
            AND s.covered_by_id IS NULL AND s.status = 'NOT_STARTED')))`;
}

export type EnqueueResult = { inserted: number; complete: boolean };

/**
 * Inserts a PENDING row for everyone who should get `slot` and has none, in chunks
 * (ordered by user id), until done or `shouldStop()` says the time is up.
 */
export async function enqueueReminder(
  campaign: Campaign,
  slot: ReminderSlot,
  now: Date,
  shouldStop: () => boolean = () => false,
): Promise<EnqueueResult> {
  let cursor = "";
  let inserted = 0;
  for (;;) {
    if (shouldStop()) return { inserted, complete: false };
    const rows = await db.$queryRaw<{ picked: number; inserted: number; last: string | null }[]>`
      WITH picked AS (
        SELECT p.user_id FROM pledges p JOIN users u ON u.id = p.user_id
        WHERE ${eligible(campaign, slot)}
          AND p.user_id > ${cursor}
          AND NOT EXISTS (
            SELECT 1 FROM reminder_deliveries d
            WHERE d.user_id = p.user_id AND d.campaign_id = p.campaign_id AND d.reminder_key = ${slot.key})
        ORDER BY p.user_id
        LIMIT ${ENQUEUE_CHUNK}
      ), ins AS (
        INSERT INTO reminder_deliveries
          (id, user_id, campaign_id, reminder_key, status, next_attempt_at, created_at, updated_at)
        SELECT 'rd' || replace(gen_random_uuid()::text, '-', ''), picked.user_id, ${campaign.id}, ${slot.key},
          'PENDING', ${utc(now)}, ${NOW_UTC}, ${NOW_UTC}
        FROM picked
        ON CONFLICT (user_id, campaign_id, reminder_key) DO NOTHING
        RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM picked) AS picked, (SELECT count(*)::int FROM ins) AS inserted,
        (SELECT max(user_id) FROM picked) AS last`;
    const row = rows[0];
    inserted += row?.inserted ?? 0;
    if (!row?.last || row.picked < ENQUEUE_CHUNK) return { inserted, complete: true };
    cursor = row.last;
  }
}

export type PlannedReminder = { userId: string; email: string; queued: boolean };

/** Who would get `slot` now (queued already or not), without writing anything: for --dry-run. */
export async function planReminder(campaign: Campaign, slot: ReminderSlot): Promise<PlannedReminder[]> {
  const rows = await db.$queryRaw<{ user_id: string; email: string; status: string | null }[]>`
    SELECT p.user_id, u.email, d.status FROM pledges p
    JOIN users u ON u.id = p.user_id
    LEFT JOIN reminder_deliveries d
      ON d.user_id = p.user_id AND d.campaign_id = p.campaign_id AND d.reminder_key = ${slot.key}
    WHERE ${eligible(campaign, slot)} AND (d.status IS NULL OR d.status IN ('PENDING', 'SENDING'))
    ORDER BY p.user_id`;
  return rows.map((row) => ({ userId: row.user_id, email: row.email, queued: row.status !== null }));
}

export type ClaimedDelivery = { id: string; userId: string; reminderKey: string; attempts: number };
export type ClaimedBatch = {
  id: string;
  rows: ClaimedDelivery[];
  /** Every delivery id the batch was claimed with, sorted (rows skipped since included). */
  allIds: string[];
  fresh: boolean;
};

type RawClaimed = { id: string; user_id: string; reminder_key: string; attempts: number; claimed_by: string };

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function toBatch(batchId: string, raw: RawClaimed[], allIds: string[], fresh: boolean): ClaimedBatch {
  return {
    id: batchId,
    rows: raw
      .map((r) => ({ id: r.id, userId: r.user_id, reminderKey: r.reminder_key, attempts: r.attempts }))
      .sort(byId),
    allIds: [...allIds].sort(),
    fresh,
  };
}

/** A batch of the campaign whose retry is due or whose sender's lease ran out, as a whole. */
export async function claimRetryBatch(campaignId: string, now: Date): Promise<ClaimedBatch | null> {
  const rows = await db.$queryRaw<RawClaimed[]>`
    WITH leader AS (
      SELECT o.claimed_by FROM reminder_deliveries o
      WHERE o.campaign_id = ${campaignId} AND o.status = 'SENDING' AND o.claimed_by IS NOT NULL
        AND o.next_attempt_at <= ${utc(now)}
        AND NOT EXISTS (
          SELECT 1 FROM reminder_deliveries p
          WHERE p.claimed_by = o.claimed_by AND p.status = 'SENDING' AND p.id < o.id)
      ORDER BY o.next_attempt_at, o.id
      LIMIT 1
      FOR UPDATE OF o SKIP LOCKED
    )
    UPDATE reminder_deliveries SET
      next_attempt_at = ${utc(new Date(now.getTime() + LEASE_MS))},
      claimed_at = ${utc(now)},
      attempts = reminder_deliveries.attempts + 1,
      updated_at = ${NOW_UTC}
    FROM leader
    WHERE reminder_deliveries.claimed_by = leader.claimed_by AND reminder_deliveries.status = 'SENDING'
    RETURNING reminder_deliveries.id, reminder_deliveries.user_id, reminder_deliveries.reminder_key,
      reminder_deliveries.attempts, reminder_deliveries.claimed_by`;
  const batchId = rows[0]?.claimed_by;
  if (!batchId) return null;
  const all = await db.reminderDelivery.findMany({ where: { claimedBy: batchId }, select: { id: true } });
  return toBatch(
    batchId,
    rows,
    all.map((row) => row.id),
    false,
  );
}

/** Up to 100 due PENDING deliveries of the campaign as a new batch. */
export async function claimFreshBatch(
  campaignId: string,
  now: Date,
  size = MAX_BATCH_SIZE,
): Promise<ClaimedBatch | null> {
  const batchId = randomUUID();
  const rows = await db.$queryRaw<RawClaimed[]>`
    UPDATE reminder_deliveries SET
      status = 'SENDING',
      claimed_by = ${batchId},
      claimed_at = ${utc(now)},
      next_attempt_at = ${utc(new Date(now.getTime() + LEASE_MS))},
      attempts = attempts + 1,
      updated_at = ${NOW_UTC}
    WHERE id IN (
      SELECT id FROM reminder_deliveries
      WHERE campaign_id = ${campaignId} AND status = 'PENDING' AND next_attempt_at <= ${utc(now)}
      -- No tie-break on id: rows queued together share next_attempt_at, and sorting
      -- them all by id on every claim costs more than the send (batches sort themselves).
      ORDER BY next_attempt_at
      LIMIT ${Math.min(size, MAX_BATCH_SIZE)}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, user_id, reminder_key, attempts, claimed_by`;
  if (rows.length === 0) return null;
  return toBatch(
    batchId,
    rows,
    rows.map((row) => row.id),
    true,
  );
}

/** Deliveries of the campaign not finished yet: still to send now, or waiting for a retry. */
export async function countOpen(campaignId: string, now: Date): Promise<{ due: number; later: number }> {
  const rows = await db.$queryRaw<{ due: number; later: number }[]>`
    SELECT count(*) FILTER (WHERE next_attempt_at <= ${utc(now)})::int AS due,
      count(*) FILTER (WHERE next_attempt_at > ${utc(now)})::int AS later
    FROM reminder_deliveries
    WHERE campaign_id = ${campaignId} AND status IN ('PENDING', 'SENDING')`;
  return rows[0] ?? { due: 0, later: 0 };
}

export async function markSkipped(batch: ClaimedBatch, skipped: { id: string; reason: string }[]) {
  if (skipped.length === 0) return;
  const ids = skipped.map((s) => s.id);
  const reasons = skipped.map((s) => s.reason);
  await db.$executeRaw`
    UPDATE reminder_deliveries d SET status = 'SKIPPED', last_error = v.reason, updated_at = ${NOW_UTC}
    FROM unnest(${ids}::text[], ${reasons}::text[]) AS v(id, reason)
    WHERE d.id = v.id AND d.claimed_by = ${batch.id} AND d.status = 'SENDING'`;
}

export async function markSent(batch: ClaimedBatch, ids: string[], providerIds: (string | null)[], at: Date) {
  await db.$executeRaw`
    UPDATE reminder_deliveries d SET status = 'SENT', sent_at = ${utc(at)}, provider_id = v.provider_id,
      last_error = NULL, updated_at = ${NOW_UTC}
    FROM unnest(${ids}::text[], ${providerIds}::text[]) AS v(id, provider_id)
    WHERE d.id = v.id AND d.claimed_by = ${batch.id} AND d.status = 'SENDING'`;
}

export async function markFailed(batch: ClaimedBatch, message: string) {
  await db.reminderDelivery.updateMany({
    where: { claimedBy: batch.id, status: "SENDING" },
    data: { status: "FAILED", lastError: message.slice(0, 1000) },
  });
}

/** Leaves the batch SENDING (same rows, same key) and due again at `at`. */
export async function reschedule(batch: ClaimedBatch, at: Date, message: string | null) {
  await db.reminderDelivery.updateMany({
    where: { claimedBy: batch.id, status: "SENDING" },
    data: { nextAttemptAt: at, ...(message ? { lastError: message.slice(0, 1000) } : {}) },
  });
}
