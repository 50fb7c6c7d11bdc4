import type { Campaign } from "@/lib/campaign";
import { db, Prisma } from "@/lib/db";
import {
  type Batch,
  claimFreshBatch as claimFresh,
  claimRetryBatch as claimRetry,
  LEASE_MS,
  NOW_UTC,
  type QueueTable,
  utc,
} from "@/lib/mail/batch-engine";
import type { ReminderSlot } from "./schedule";

// The table reminder_deliveries is the queue, sent by lib/mail/batch-engine.ts (claims,
// leases, retries: exactly once across processes and crashes). Enqueueing is exactly
// once too: one row per person and reminder (unique user, campaign, key), inserted
// before any send, so a second enqueue, by the same or another process, inserts nothing.

export { LEASE_MS };

const ENQUEUE_CHUNK = 5000;

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
export type ClaimedBatch = Batch<ClaimedDelivery>;

export const DELIVERIES_TABLE: QueueTable<ClaimedDelivery> = {
  name: "reminder_deliveries",
  columns: { userId: "user_id", reminderKey: "reminder_key" },
  bodyColumns: [],
  hasUpdatedAt: true,
};

/** The campaign's deliveries, as a claim's scope. */
export function campaignScope(campaignId: string): Prisma.Sql {
  return Prisma.sql`campaign_id = ${campaignId}`;
}

/** A batch of the campaign whose retry is due or whose sender's lease ran out, as a whole. */
export function claimRetryBatch(campaignId: string, now: Date): Promise<ClaimedBatch | null> {
  return claimRetry(DELIVERIES_TABLE, campaignScope(campaignId), now);
}

/** Up to 100 due PENDING deliveries of the campaign as a new batch. */
export function claimFreshBatch(campaignId: string, now: Date, size?: number): Promise<ClaimedBatch | null> {
  return claimFresh(DELIVERIES_TABLE, campaignScope(campaignId), now, size);
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

export type WaitingBatches = {
  /** Deliveries in batches whose sender's lease is not over (that sender may have stopped). */
  heldDeliveries: number;
  heldBatches: number;
  /** Deliveries waiting for a retry after a transient failure. */
  retryDeliveries: number;
  /** When the first of them is tried again. */
  nextRetryAt: string | null;
};

export const NOTHING_WAITING: WaitingBatches = {
  heldDeliveries: 0,
  heldBatches: 0,
  retryDeliveries: 0,
  nextRetryAt: null,
};

/**
 * Deliveries that are not due at `now` but not finished either: held in a batch whose
 * sender's lease runs (claimed less than LEASE_MS ago, its next attempt at the lease's
 * end: after a crash they wait for it), or waiting for a retry after a failure.
 */
export async function countWaiting(campaignId: string, now: Date): Promise<WaitingBatches> {
  const rows = await db.$queryRaw<
    { held: number; held_batches: number; retry: number; next_at: Date | null }[]
  >`
    SELECT count(*) FILTER (WHERE held)::int AS held,
      count(DISTINCT claimed_by) FILTER (WHERE held)::int AS held_batches,
      count(*) FILTER (WHERE NOT held)::int AS retry,
      min(next_attempt_at) AS next_at
    FROM (
      SELECT claimed_by, next_attempt_at,
        (status = 'SENDING' AND claimed_at IS NOT NULL
          AND next_attempt_at = claimed_at + ${LEASE_MS} * interval '1 millisecond') AS held
      FROM reminder_deliveries
      WHERE campaign_id = ${campaignId} AND status IN ('PENDING', 'SENDING') AND next_attempt_at > ${utc(now)}
    ) w`;
  const row = rows[0];
  if (!row) return NOTHING_WAITING;
  return {
    heldDeliveries: row.held,
    heldBatches: row.held_batches,
    retryDeliveries: row.retry,
    nextRetryAt: row.next_at ? new Date(row.next_at).toISOString() : null,
  };
}
