import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Resend } from "resend";
import { db, Prisma } from "@/lib/db";
import { LOCAL_PROVIDER_ID } from "./mailbox";
import {
  isSendingHeldBack,
  MAX_BATCH_SIZE,
  type OutgoingEmail,
  SETUP_HOLD_MS,
  sendBatch,
} from "./send-batch";

// The one engine that sends queued mail: the outbox (outbox_emails) and the reminders
// (reminder_deliveries) are two queues it runs. A queue is a table of rows with the
// columns status, attempts, claimed_by, claimed_at, next_attempt_at, sent_at,
// provider_id and last_error; the queue says how to turn claimed rows into emails.
//
// Exactly once, across processes and crashes:
// - Claiming is one UPDATE over rows picked `FOR UPDATE SKIP LOCKED`: two senders never
//   get the same row. Claimed rows become SENDING with a batch id in claimed_by, and
//   next_attempt_at becomes the end of the claim's lease.
// - A batch is sent with an idempotency key that every retry of it derives again. A
//   batch that failed transiently (or whose sender died, so its lease ran out) stays
//   SENDING and is claimed again whole (only by whoever locks its first row), so it
//   is retried with the same rows and key: if Resend did send it and only the answer
//   was lost, it answers again without sending.
// - Finishing a batch only touches rows still SENDING under its batch id.
// - A batch Resend refuses as invalid is split in two new batches (new ids, so new
//   keys; nothing was sent under the old one) until the bad email is alone and fails
//   by itself: one bad address does not take 99 others down with it.

export const MAX_ATTEMPTS = 6;
/** How long a sender owns a claimed batch before another sender may take it over. */
export const LEASE_MS = 2 * 60_000;
/** Longer 429 waits are not slept through: the batch is rescheduled instead. */
const MAX_RATE_LIMIT_WAIT_MS = 30_000;
const MAX_RATE_LIMIT_RETRIES = 10;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

/** Delay before retry number `attempts` + 1 after a transient failure. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** A timestamp parameter for the `timestamp(3)` columns, which hold UTC. */
export function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

export const NOW_UTC = Prisma.sql`(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')`;

export type QueuedRow = { id: string; attempts: number };

export type QueueTable<Row extends QueuedRow> = {
  name: "outbox_emails" | "reminder_deliveries";
  /** The columns a claim returns (besides id and attempts), by field of Row. */
  columns: { [Field in Exclude<keyof Row, keyof QueuedRow>]: string };
  /** Columns holding an email's bodies: cleared once the row is done, except in local mode. */
  bodyColumns: readonly string[];
  /** Local mode: the columns that keep the HTML and text as sent (for the local mailbox). */
  localBodies?: { html: string; text: string };
  /** Whether the table has an updated_at column to keep current. */
  hasUpdatedAt: boolean;
};

export type Batch<Row> = {
  id: string;
  /** Sorted by id. */
  rows: Row[];
  /** Every row id the batch holds, including rows skipped since, sorted. */
  allIds: string[];
  /** Claimed for the first time (a retry must send what the first try sent). */
  fresh: boolean;
};

export type PreparedBatch<Row> = {
  send: { row: Row; email: OutgoingEmail }[];
  skip: { row: Row; reason: string }[];
};

export type BatchQueue<Row extends QueuedRow> = {
  table: QueueTable<Row>;
  /** Which rows this run claims, as a condition on the table's columns (default: all). */
  scope?: Prisma.Sql;
  /** Resend's idempotency key for a batch: derived again, identically, by every retry. */
  idempotencyKey(batch: Batch<Row>): string;
  /** Turns a claimed batch into emails, and names the rows to skip and why. */
  prepare(batch: Batch<Row>): Promise<PreparedBatch<Row>>;
  log: Logger;
};

export type RunBatchesOptions = {
  /** Names this sender in logs. */
  workerId: string;
  /** The current time (tests move it forward to reach retries that are not due yet). */
  clock: () => Date;
  maxBatches?: number;
  /** Date.now() after which no batch is claimed and no 429 is waited out. */
  budgetEnd?: number;
  /** A Resend client to use instead of the one configured from the environment. */
  resend?: Resend;
  onBatch?: (totals: BatchTotals) => void;
};

/** What a run of batches did (the outbox's drain and the reminders report it as is). */
export type BatchCounts = {
  batches: number;
  sent: number;
  skipped: number;
  failed: number;
  /** Emails left for a later retry (transient failure, long 429, API key refused). */
  deferred: number;
  /** 429 answers waited out. */
  rateLimited: number;
};

export type BatchTotals = BatchCounts & {
  /** The run ended early: Resend asked for a long pause, or refused the API key. */
  stopped: boolean;
};

type Outcome = Omit<BatchCounts, "batches"> & { stop: boolean };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const byId = (a: QueuedRow, b: QueuedRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const quote = (column: string) => Prisma.raw(`"${column}"`);

function tableOf(table: QueueTable<QueuedRow>): Prisma.Sql {
  return Prisma.raw(`"${table.name}"`);
}

function touch(table: QueueTable<QueuedRow>): Prisma.Sql {
  return table.hasUpdatedAt ? Prisma.sql`, updated_at = ${NOW_UTC}` : Prisma.empty;
}

function clearBodies(table: QueueTable<QueuedRow>): Prisma.Sql {
  return Prisma.raw(table.bodyColumns.map((column) => `, "${column}" = NULL`).join(""));
}

function returning<Row extends QueuedRow>(table: QueueTable<Row>): Prisma.Sql {
  const fields = Object.entries<string>(table.columns).map(
    ([field, column]) => `t."${column}" AS "${field}"`,
  );
  return Prisma.raw(["t.id", "t.attempts", 't.claimed_by AS "claimedBy"', ...fields].join(", "));
}

/**
 * A batch whose retry is due (or whose sender's lease ran out), as a whole: only the
 * sender that locks the batch's first row (by id) takes it, so two senders never
 * split one batch between them.
 */
export async function claimRetryBatch<Row extends QueuedRow>(
  table: QueueTable<Row>,
  scope: Prisma.Sql,
  now: Date,
): Promise<Batch<Row> | null> {
  const rows = await db.$queryRaw<(Row & { claimedBy: string })[]>`
    WITH leader AS (
      SELECT o.claimed_by FROM ${tableOf(table)} o
      WHERE o.status = 'SENDING' AND o.claimed_by IS NOT NULL AND o.next_attempt_at <= ${utc(now)}
        AND ${scope}
        AND NOT EXISTS (
          SELECT 1 FROM ${tableOf(table)} p
          WHERE p.claimed_by = o.claimed_by AND p.status = 'SENDING' AND p.id < o.id)
      ORDER BY o.next_attempt_at, o.id
      LIMIT 1
      FOR UPDATE OF o SKIP LOCKED
    )
    UPDATE ${tableOf(table)} t SET
      next_attempt_at = ${utc(new Date(now.getTime() + LEASE_MS))},
      claimed_at = ${utc(now)},
      attempts = t.attempts + 1
      ${touch(table)}
    FROM leader
    WHERE t.claimed_by = leader.claimed_by AND t.status = 'SENDING'
    RETURNING ${returning(table)}`;
  const batchId = rows[0]?.claimedBy;
  if (!batchId) return null;
  const all = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM ${tableOf(table)} WHERE claimed_by = ${batchId}`;
  return {
    id: batchId,
    rows: rows.sort(byId),
    allIds: all.map((row) => row.id).sort(),
    fresh: false,
  };
}

/** Up to 100 due PENDING rows as a new batch. */
export async function claimFreshBatch<Row extends QueuedRow>(
  table: QueueTable<Row>,
  scope: Prisma.Sql,
  now: Date,
  size = MAX_BATCH_SIZE,
): Promise<Batch<Row> | null> {
  const batchId = randomUUID();
  const rows = await db.$queryRaw<Row[]>`
    UPDATE ${tableOf(table)} t SET
      status = 'SENDING',
      claimed_by = ${batchId},
      claimed_at = ${utc(now)},
      next_attempt_at = ${utc(new Date(now.getTime() + LEASE_MS))},
      attempts = t.attempts + 1
      ${touch(table)}
    WHERE t.id IN (
      SELECT q.id FROM ${tableOf(table)} q
      WHERE q.status = 'PENDING' AND q.next_attempt_at <= ${utc(now)} AND ${scope}
      -- No tie-break on id: rows queued together share next_attempt_at, and sorting
      -- them all by id on every claim costs more than the send (batches sort themselves).
      ORDER BY q.next_attempt_at
      LIMIT ${Math.min(size, MAX_BATCH_SIZE)}
      FOR UPDATE SKIP LOCKED)
    RETURNING ${returning(table)}`;
  if (rows.length === 0) return null;
  const sorted = rows.sort(byId);
  return { id: batchId, rows: sorted, allIds: sorted.map((row) => row.id), fresh: true };
}

async function markSkipped<Row extends QueuedRow>(
  table: QueueTable<Row>,
  batch: Batch<Row>,
  skipped: { row: Row; reason: string }[],
) {
  if (skipped.length === 0) return;
  const ids = skipped.map((s) => s.row.id);
  const reasons = skipped.map((s) => s.reason);
  await db.$executeRaw`
    UPDATE ${tableOf(table)} t SET status = 'SKIPPED', last_error = v.reason ${clearBodies(table)} ${touch(table)}
    FROM unnest(${ids}::text[], ${reasons}::text[]) AS v(id, reason)
    WHERE t.id = v.id AND t.claimed_by = ${batch.id} AND t.status = 'SENDING'`;
}

/**
 * Local mode keeps the bodies as sent (rendered by the drain when the row held only
 * template data), so developers can read their mail (./mailbox.ts).
 */
async function markSent<Row extends QueuedRow>(
  table: QueueTable<Row>,
  batch: Batch<Row>,
  items: Sendable<Row>,
  providerIds: (string | null)[],
  at: Date,
) {
  const ids = items.map((item) => item.row.id);
  const isLocal = providerIds.map((id) => id === LOCAL_PROVIDER_ID);
  const html = items.map((item, i) => (isLocal[i] ? (item.email.html ?? null) : null));
  const text = items.map((item, i) => (isLocal[i] ? (item.email.text ?? null) : null));
  const kept = table.localBodies;
  const bodies = table.bodyColumns.map((column) => {
    const value =
      column === kept?.html ? Prisma.sql`v.html` : column === kept?.text ? Prisma.sql`v.text` : null;
    return value
      ? Prisma.sql`, ${quote(column)} = CASE WHEN v.provider_id = ${LOCAL_PROVIDER_ID} THEN ${value} END`
      : Prisma.sql`, ${quote(column)} = NULL`;
  });
  await db.$executeRaw`
    UPDATE ${tableOf(table)} t SET
      status = 'SENT',
      sent_at = ${utc(at)},
      provider_id = v.provider_id,
      last_error = NULL
      ${bodies.length > 0 ? Prisma.join(bodies, " ") : Prisma.empty}
      ${touch(table)}
    FROM unnest(${ids}::text[], ${providerIds}::text[], ${html}::text[], ${text}::text[]) AS v(id, provider_id, html, text)
    WHERE t.id = v.id AND t.claimed_by = ${batch.id} AND t.status = 'SENDING'`;
}

async function markFailed<Row extends QueuedRow>(table: QueueTable<Row>, batch: Batch<Row>, message: string) {
  await db.$executeRaw`
    UPDATE ${tableOf(table)} t SET status = 'FAILED', last_error = ${message.slice(0, 1000)}
      ${clearBodies(table)} ${touch(table)}
    WHERE t.claimed_by = ${batch.id} AND t.status = 'SENDING'`;
}

/** Leaves the batch SENDING (it keeps its rows and key) and due again at `at`. */
async function reschedule<Row extends QueuedRow>(
  table: QueueTable<Row>,
  batch: Batch<Row>,
  at: Date,
  lastError: string | null,
  refundAttempt = false,
) {
  await db.$executeRaw`
    UPDATE ${tableOf(table)} t SET
      next_attempt_at = ${utc(at)},
      last_error = COALESCE(${lastError?.slice(0, 1000) ?? null}::text, t.last_error),
      attempts = t.attempts - ${refundAttempt ? 1 : 0}::int
      ${touch(table)}
    WHERE t.claimed_by = ${batch.id} AND t.status = 'SENDING'`;
}

type Sendable<Row> = PreparedBatch<Row>["send"];

/**
 * Moves the batch's rows in two new batches (one transaction: a crash leaves either
 * the old batch or the two new ones, each whole and retried with its own key).
 */
async function split<Row extends QueuedRow>(
  table: QueueTable<Row>,
  batch: Batch<Row>,
  items: Sendable<Row>,
): Promise<{ batch: Batch<Row>; items: Sendable<Row> }[]> {
  const middle = Math.ceil(items.length / 2);
  const halves = [items.slice(0, middle), items.slice(middle)].map((part) => {
    const ids = part.map((item) => item.row.id);
    return {
      batch: {
        id: randomUUID(),
        rows: part.map((item) => item.row),
        allIds: [...ids].sort(),
        fresh: batch.fresh,
      },
      items: part,
    };
  });
  await db.$transaction(
    halves.map(
      (half) => db.$executeRaw`
        UPDATE ${tableOf(table)} t SET claimed_by = ${half.batch.id} ${touch(table)}
        WHERE t.claimed_by = ${batch.id} AND t.status = 'SENDING' AND t.id = ANY(${half.batch.allIds}::text[])`,
    ),
  );
  return halves;
}

type SendContext = Omit<RunBatchesOptions, "workerId" | "maxBatches" | "onBatch"> & { budgetEnd: number };

async function send<Row extends QueuedRow>(
  queue: BatchQueue<Row>,
  batch: Batch<Row>,
  items: Sendable<Row>,
  context: SendContext,
  outcome: Outcome,
): Promise<void> {
  const { table } = queue;
  const { clock } = context;
  const ids = items.map((item) => item.row.id);
  const emails = items.map((item) => item.email);
  const key = queue.idempotencyKey(batch);
  const attempts = Math.max(...batch.rows.map((row) => row.attempts));
  for (;;) {
    const result = await sendBatch(emails, key, { resend: context.resend });
    if (result.ok) {
      await markSent(table, batch, items, result.ids, clock());
      outcome.sent += ids.length;
      return;
    }
    if (result.kind === "rate_limited") {
      outcome.rateLimited++;
      const wait = result.retryAfterMs;
      if (
        wait > MAX_RATE_LIMIT_WAIT_MS ||
        outcome.rateLimited > MAX_RATE_LIMIT_RETRIES ||
        Date.now() + wait > context.budgetEnd
      ) {
        // Everything else would get a 429 too: give the batch back and end the run.
        await reschedule(table, batch, new Date(clock().getTime() + wait), null, true);
        outcome.deferred += ids.length;
        outcome.stop = true;
        return;
      }
      await reschedule(table, batch, new Date(clock().getTime() + LEASE_MS + wait), null);
      await sleep(wait);
      continue;
    }
    if (result.kind === "transient") {
      if (attempts < MAX_ATTEMPTS) {
        await reschedule(table, batch, new Date(clock().getTime() + backoffMs(attempts)), result.message);
        outcome.deferred += ids.length;
        return;
      }
    } else if (result.fault === "setup") {
      // Nothing can be sent until the API key (or sender) is fixed: keep the mail queued.
      await reschedule(table, batch, new Date(clock().getTime() + SETUP_HOLD_MS), result.message, true);
      outcome.deferred += ids.length;
      outcome.stop = true;
      return;
    } else if (result.fault === "content" && items.length > 1) {
      for (const half of await split(table, batch, items)) {
        await send(queue, half.batch, half.items, context, outcome);
        // A stopped run leaves the other half SENDING: it is retried once its lease runs out.
        if (outcome.stop) return;
      }
      return;
    } else if (!batch.fresh && result.message.startsWith("409 invalid_idempotent_request")) {
      // Same key, different body: Resend accepted this batch on an earlier attempt whose
      // answer was lost (a reminder's recipient changed since). It was sent.
      await markSent(
        table,
        batch,
        items,
        ids.map(() => null),
        clock(),
      );
      outcome.sent += ids.length;
      return;
    }
    await markFailed(table, batch, result.message);
    outcome.failed += ids.length;
    return;
  }
}

/** A claimed batch, prepared: its skipped rows marked, its emails ready to send. */
type Ready<Row> = { batch: Batch<Row>; send: Sendable<Row>; skipped: number };

/** Claims the next due batch (a retry first) and prepares it; null when nothing is due. */
async function claimNext<Row extends QueuedRow>(
  queue: BatchQueue<Row>,
  scope: Prisma.Sql,
  now: Date,
): Promise<Ready<Row> | null> {
  const batch =
    (await claimRetryBatch(queue.table, scope, now)) ?? (await claimFreshBatch(queue.table, scope, now));
  if (!batch) return null;
  const prepared = await queue.prepare(batch);
  await markSkipped(queue.table, batch, prepared.skip);
  return { batch, send: prepared.send, skipped: prepared.skip.length };
}

/**
 * Hands a claimed batch that this run will not send back, as it was before the claim:
 * a fresh one PENDING again (and due now), a retry due again now; the attempt is refunded.
 */
async function giveBack<Row extends QueuedRow>(queue: BatchQueue<Row>, ready: Ready<Row> | null, now: Date) {
  if (!ready) return;
  const { table } = queue;
  const { batch } = ready;
  if (batch.fresh) {
    await db.$executeRaw`
      UPDATE ${tableOf(table)} t SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL,
        next_attempt_at = ${utc(now)}, attempts = t.attempts - 1 ${touch(table)}
      WHERE t.claimed_by = ${batch.id} AND t.status = 'SENDING'`;
  } else {
    await reschedule(table, batch, now, null, true);
  }
}

/**
 * Claims and sends batches of up to 100 until nothing is due, `maxBatches` or the
 * budget is spent, or Resend asks to stop. Safe to run in several processes at once.
 * Pipelined: while one batch is in flight, the next is claimed and prepared (rendered),
 * so a sender is ready the moment its turn to send comes. A batch claimed ahead and
 * then not sent (the run stopped) is given back at once; one whose sender died is
 * taken over when its lease runs out, as any other.
 */
export async function runBatches<Row extends QueuedRow>(
  queue: BatchQueue<Row>,
  options: RunBatchesOptions,
): Promise<BatchTotals> {
  const { clock, workerId } = options;
  const scope = queue.scope ?? Prisma.sql`TRUE`;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const budgetEnd = options.budgetEnd ?? Number.POSITIVE_INFINITY;
  const context: SendContext = { ...options, budgetEnd };
  const totals: BatchTotals = {
    batches: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    deferred: 0,
    rateLimited: 0,
    stopped: false,
  };
  // Resend refused the API key a moment ago: leave every email queued as it is.
  const isHeldBack = () => isSendingHeldBack(options.resend);
  const mayClaim = (claimed: number) => claimed < maxBatches && Date.now() < budgetEnd && !isHeldBack();

  if (isHeldBack()) return { ...totals, stopped: true };
  let upcoming: Promise<Ready<Row> | null> = mayClaim(0)
    ? claimNext(queue, scope, clock())
    : Promise.resolve(null);
  try {
    for (;;) {
      const ready = await upcoming;
      upcoming = Promise.resolve(null);
      if (!ready) break;
      totals.batches++;
      if (mayClaim(totals.batches)) {
        upcoming = claimNext(queue, scope, clock());
        // Awaited below (or given back); this only keeps an early failure from being unhandled.
        upcoming.catch(() => undefined);
      }
      const outcome: Outcome = {
        sent: 0,
        skipped: ready.skipped,
        failed: 0,
        deferred: 0,
        rateLimited: 0,
        stop: false,
      };
      if (ready.send.length > 0) await send(queue, ready.batch, ready.send, context, outcome);
      totals.sent += outcome.sent;
      totals.skipped += outcome.skipped;
      totals.failed += outcome.failed;
      totals.deferred += outcome.deferred;
      totals.rateLimited += outcome.rateLimited;
      queue.log.info(
        {
          workerId,
          batchId: ready.batch.id,
          retry: !ready.batch.fresh,
          size: ready.batch.rows.length,
          sent: outcome.sent,
          skipped: outcome.skipped,
          failed: outcome.failed,
          deferred: outcome.deferred,
        },
        "mail batch",
      );
      options.onBatch?.(totals);
      if (outcome.stop || isHeldBack()) {
        totals.stopped = true;
        break;
      }
      if (Date.now() >= budgetEnd) break;
    }
  } finally {
    await giveBack(queue, await upcoming.catch(() => null), clock());
  }
  return totals;
}
