import { randomUUID } from "node:crypto";
import type { Resend } from "resend";
import { z } from "zod";
import { db, Prisma, type Tx } from "@/lib/db";
import { mailLog } from "./log";
import { LOCAL_PROVIDER_ID } from "./mailbox";
import { isResendConfigured, MAX_BATCH_SIZE, type OutgoingEmail, sendBatch } from "./send-batch";
import { hashEmail, isSkippedBySuppression, isSuppressible, suppressionsByHash } from "./suppression";

// Transactional mail goes through the table outbox_emails: a request inserts a row
// (in its own transaction if it has one) and returns; a drain sends due rows in
// batches of up to 100, so a burst of sign-ups costs a few requests to Resend.
//
// Exactly once, across processes and crashes:
// - Claiming is one UPDATE over rows picked `FOR UPDATE SKIP LOCKED`: two drains
//   never get the same row. Claimed rows become SENDING with a batch id in
//   claimed_by, and next_attempt_at becomes the end of the claim's lease.
// - The batch is sent with the idempotency key `outbox-batch-<batch id>`. A batch that
//   failed transiently (or whose drain died, so its lease ran out) stays SENDING and
//   is retried later as the same rows in the same order with the same key: if Resend
//   did send it and only the answer was lost, it answers again without sending.
// - Finishing a batch only touches rows still SENDING under its batch id.

export const MAX_ATTEMPTS = 6;
/** How long a drain owns a claimed batch before another drain may take it over. */
const LEASE_MS = 2 * 60_000;
/** Longer 429 waits are not slept through: the batch is rescheduled instead. */
const MAX_RATE_LIMIT_WAIT_MS = 30_000;
const MAX_RATE_LIMIT_RETRIES = 10;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

const queueEmailSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, "must be a lower-case kebab-case name"),
  to: z.email(),
  subject: z.string().trim().min(1).max(998),
  html: z.string().min(1),
  text: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  idempotencyKey: z.string().min(1).max(200),
});
export type QueueEmailInput = z.input<typeof queueEmailSchema>;

export type QueueEmailResult = { id: string; queued: boolean };

/**
 * Adds an email to the outbox as PENDING. `client` is `db` or the caller's
 * transaction, so the email is queued if and only if the caller's writes commit.
 * A second call with the same idempotency key changes nothing and returns the first
 * row's id with `queued: false`. Call kickOutbox() after the commit to send it soon.
 */
export async function queueEmail(client: Tx, input: QueueEmailInput): Promise<QueueEmailResult> {
  const email = queueEmailSchema.parse(input);
  // Unique per email, so Gmail does not thread separate sign-in links together.
  const headers = { ...email.headers, "X-Entity-Ref-ID": randomUUID() };
  const created = await client.outboxEmail.createManyAndReturn({
    data: [
      {
        kind: email.kind,
        to: email.to.trim(),
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers,
        idempotencyKey: email.idempotencyKey,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const first = created[0];
  if (first) return { id: first.id, queued: true };
  const existing = await client.outboxEmail.findUniqueOrThrow({
    where: { idempotencyKey: email.idempotencyKey },
    select: { id: true },
  });
  return { id: existing.id, queued: false };
}

/** The idempotency key Resend gets for a batch of the outbox. */
export function batchIdempotencyKey(batchId: string): string {
  return `outbox-batch-${batchId}`;
}

/** Delay before retry number `attempts` + 1 after a transient failure. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export type DrainOptions = {
  /** Names this drain in logs. */
  workerId?: string;
  /** The current time (tests move it forward to reach retries that are not due yet). */
  now?: Date;
  /** Stop after this many batches (default: until nothing is due). */
  maxBatches?: number;
  /** A Resend client to use instead of the one configured from the environment. */
  resend?: Resend;
};

export type DrainResult = {
  batches: number;
  sent: number;
  skipped: number;
  failed: number;
  /** Emails left for a later retry (transient failure or a long 429). */
  deferred: number;
  /** 429 answers waited out. */
  rateLimited: number;
};

type ClaimedRow = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
  headers: unknown;
  attempts: number;
};

type Batch = { id: string; rows: ClaimedRow[]; fresh: boolean };

/** A timestamp parameter for the `timestamp(3)` columns, which hold UTC. */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

const byId = (a: ClaimedRow, b: ClaimedRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A batch whose retry is due (or whose drain's lease ran out), as a whole: only the
 * drain that locks the batch's first row (by id) takes it, so two drains never
 * split one batch between them.
 */
async function claimRetryBatch(now: Date): Promise<Batch | null> {
  const rows = await db.$queryRaw<(ClaimedRow & { claimedBy: string })[]>`
    WITH leader AS (
      SELECT o.claimed_by FROM outbox_emails o
      WHERE o.status = 'SENDING' AND o.claimed_by IS NOT NULL AND o.next_attempt_at <= ${utc(now)}
        AND NOT EXISTS (
          SELECT 1 FROM outbox_emails p
          WHERE p.claimed_by = o.claimed_by AND p.status = 'SENDING' AND p.id < o.id)
      ORDER BY o.next_attempt_at, o.id
      LIMIT 1
      FOR UPDATE OF o SKIP LOCKED
    )
    UPDATE outbox_emails SET
      next_attempt_at = ${utc(new Date(now.getTime() + LEASE_MS))},
      claimed_at = ${utc(now)},
      attempts = outbox_emails.attempts + 1
    FROM leader
    WHERE outbox_emails.claimed_by = leader.claimed_by AND outbox_emails.status = 'SENDING'
    RETURNING outbox_emails.id, outbox_emails.kind, outbox_emails."to", outbox_emails.subject,
      outbox_emails.html, outbox_emails.text, outbox_emails.headers, outbox_emails.attempts,
      outbox_emails.claimed_by AS "claimedBy"`;
  const batchId = rows[0]?.claimedBy;
  return batchId ? { id: batchId, rows: rows.sort(byId), fresh: false } : null;
}

/** Up to 100 due PENDING emails as a new batch. */
async function claimFreshBatch(now: Date): Promise<Batch | null> {
  const batchId = randomUUID();
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE outbox_emails SET
      status = 'SENDING',
      claimed_by = ${batchId},
      claimed_at = ${utc(now)},
      next_attempt_at = ${utc(new Date(now.getTime() + LEASE_MS))},
      attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_emails
      WHERE status = 'PENDING' AND next_attempt_at <= ${utc(now)}
      ORDER BY next_attempt_at, id
      LIMIT ${MAX_BATCH_SIZE}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, "to", subject, html, text, headers, attempts`;
  return rows.length > 0 ? { id: batchId, rows: rows.sort(byId), fresh: true } : null;
}

/** Marks the batch's suppressed campaign mail SKIPPED and returns the rest. */
async function dropSuppressed(batch: Batch): Promise<{ rows: ClaimedRow[]; skipped: number }> {
  const candidates = batch.rows.filter((row) => isSuppressible(row.kind));
  const reasons = await suppressionsByHash(candidates.map((row) => hashEmail(row.to)));
  const skipped = batch.rows.filter((row) =>
    isSkippedBySuppression(row.kind, reasons.get(hashEmail(row.to)) ?? null),
  );
  if (skipped.length === 0) return { rows: batch.rows, skipped: 0 };
  await db.outboxEmail.updateMany({
    where: { id: { in: skipped.map((row) => row.id) }, claimedBy: batch.id, status: "SENDING" },
    data: { status: "SKIPPED", html: null, text: null, lastError: "suppressed" },
  });
  const skippedIds = new Set(skipped.map((row) => row.id));
  return { rows: batch.rows.filter((row) => !skippedIds.has(row.id)), skipped: skipped.length };
}

function headersOf(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return Object.fromEntries(entries);
}

function toOutgoing(row: ClaimedRow): OutgoingEmail {
  return {
    to: row.to,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: headersOf(row.headers),
  };
}

async function markSent(
  batch: Batch,
  rows: ClaimedRow[],
  providerIds: string[],
  at: Date,
  keepBodies: boolean,
) {
  const ids = rows.map((row) => row.id);
  await db.$executeRaw`
    UPDATE outbox_emails o SET
      status = 'SENT',
      sent_at = ${utc(at)},
      provider_id = v.provider_id,
      last_error = NULL,
      html = CASE WHEN ${keepBodies}::boolean THEN o.html END,
      text = CASE WHEN ${keepBodies}::boolean THEN o.text END
    FROM unnest(${ids}::text[], ${providerIds}::text[]) AS v(id, provider_id)
    WHERE o.id = v.id AND o.claimed_by = ${batch.id} AND o.status = 'SENDING'`;
}

async function markFailed(batch: Batch, message: string) {
  await db.outboxEmail.updateMany({
    where: { claimedBy: batch.id, status: "SENDING" },
    data: { status: "FAILED", lastError: message.slice(0, 1000), html: null, text: null },
  });
}

/** Leaves the batch SENDING (it keeps its rows and key) and due again at `at`. */
async function reschedule(batch: Batch, at: Date, lastError: string | null, refundAttempt = false) {
  await db.outboxEmail.updateMany({
    where: { claimedBy: batch.id, status: "SENDING" },
    data: {
      nextAttemptAt: at,
      ...(lastError === null ? {} : { lastError: lastError.slice(0, 1000) }),
      ...(refundAttempt ? { attempts: { decrement: 1 } } : {}),
    },
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type BatchOutcome = {
  sent: number;
  skipped: number;
  failed: number;
  deferred: number;
  rateLimited: number;
  stop: boolean;
};

async function deliver(batch: Batch, clock: () => Date, resend: Resend | undefined): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { sent: 0, skipped: 0, failed: 0, deferred: 0, rateLimited: 0, stop: false };
  let rows = batch.rows;
  // Only a batch's first try filters: a retry must send exactly what the first try
  // sent, or Resend would refuse the reused key.
  if (batch.fresh) {
    const kept = await dropSuppressed(batch);
    rows = kept.rows;
    outcome.skipped = kept.skipped;
  }
  if (rows.length === 0) return outcome;

  if (!resend && !isResendConfigured()) {
    await markSent(
      batch,
      rows,
      rows.map(() => LOCAL_PROVIDER_ID),
      clock(),
      true,
    );
    outcome.sent = rows.length;
    return outcome;
  }

  const emails = rows.map(toOutgoing);
  const attempts = Math.max(...rows.map((row) => row.attempts));
  for (;;) {
    const result = await sendBatch(emails, batchIdempotencyKey(batch.id), { resend });
    if (result.ok) {
      await markSent(batch, rows, result.ids, clock(), false);
      outcome.sent = rows.length;
      return outcome;
    }
    if (result.kind === "rate_limited") {
      outcome.rateLimited++;
      if (result.retryAfterMs > MAX_RATE_LIMIT_WAIT_MS || outcome.rateLimited > MAX_RATE_LIMIT_RETRIES) {
        // Everything else would get a 429 too: give the batch back and end the drain.
        await reschedule(batch, new Date(clock().getTime() + result.retryAfterMs), null, true);
        outcome.deferred = rows.length;
        outcome.stop = true;
        return outcome;
      }
      await reschedule(batch, new Date(clock().getTime() + LEASE_MS + result.retryAfterMs), null);
      await sleep(result.retryAfterMs);
      continue;
    }
    if (result.kind === "transient" && attempts < MAX_ATTEMPTS) {
      await reschedule(batch, new Date(clock().getTime() + backoffMs(attempts)), result.message);
      outcome.deferred = rows.length;
      return outcome;
    }
    await markFailed(batch, result.message);
    outcome.failed = rows.length;
    return outcome;
  }
}

/**
 * Sends every due email of the outbox, one batch of up to 100 at a time, until
 * nothing is due (or `maxBatches`). Safe to run in several processes at once.
 */
export async function drainOutbox(options: DrainOptions = {}): Promise<DrainResult> {
  const workerId = options.workerId ?? randomUUID().slice(0, 8);
  const offset = options.now ? options.now.getTime() - Date.now() : 0;
  const clock = () => new Date(Date.now() + offset);
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const result: DrainResult = { batches: 0, sent: 0, skipped: 0, failed: 0, deferred: 0, rateLimited: 0 };

  while (result.batches < maxBatches) {
    const now = clock();
    const batch = (await claimRetryBatch(now)) ?? (await claimFreshBatch(now));
    if (!batch) break;
    result.batches++;
    const outcome = await deliver(batch, clock, options.resend);
    result.sent += outcome.sent;
    result.skipped += outcome.skipped;
    result.failed += outcome.failed;
    result.deferred += outcome.deferred;
    result.rateLimited += outcome.rateLimited;
    mailLog.info(
      {
        workerId,
        batchId: batch.id,
        retry: !batch.fresh,
        size: batch.rows.length,
        sent: outcome.sent,
        skipped: outcome.skipped,
        failed: outcome.failed,
        deferred: outcome.deferred,
      },
      "outbox batch",
    );
    if (outcome.stop) break;
  }
  return result;
}
