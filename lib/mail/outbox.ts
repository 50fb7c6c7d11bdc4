import { randomUUID } from "node:crypto";
import type { Resend } from "resend";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { type Batch, type BatchQueue, type PreparedBatch, type QueueTable, runBatches } from "./batch-engine";
import { mailLog } from "./log";
import type { OutgoingEmail } from "./send-batch";
import { hashEmail, isSkippedBySuppression, isSuppressible, suppressionsByHash } from "./suppression";

// Transactional mail goes through the table outbox_emails: a request inserts a row
// (in its own transaction if it has one) and returns; a drain sends due rows in
// batches of up to 100 (./batch-engine.ts: exactly once across processes and
// crashes), so a burst of sign-ups costs a few requests to Resend. A batch's
// idempotency key is named after its batch id.

export { backoffMs, MAX_ATTEMPTS } from "./batch-engine";

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
  /** Emails left for a later retry (transient failure, long 429, API key refused). */
  deferred: number;
  /** 429 answers waited out. */
  rateLimited: number;
};

type OutboxRow = {
  id: string;
  attempts: number;
  kind: string;
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
  headers: unknown;
};

const OUTBOX_TABLE: QueueTable<OutboxRow> = {
  name: "outbox_emails",
  columns: { kind: "kind", to: "to", subject: "subject", html: "html", text: "text", headers: "headers" },
  bodyColumns: ["html", "text"],
  hasUpdatedAt: false,
};

function headersOf(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return Object.fromEntries(entries);
}

function toOutgoing(row: OutboxRow): OutgoingEmail {
  return {
    to: row.to,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: headersOf(row.headers),
  };
}

/** Skips suppressed campaign mail and sends the rest, as stored. */
async function prepare(batch: Batch<OutboxRow>): Promise<PreparedBatch<OutboxRow>> {
  // Only a batch's first try filters: a retry must send exactly what the first try
  // sent, or Resend would refuse the reused key.
  const candidates = batch.fresh ? batch.rows.filter((row) => isSuppressible(row.kind)) : [];
  const reasons = await suppressionsByHash(candidates.map((row) => hashEmail(row.to)));
  const isSkipped = (row: OutboxRow) =>
    batch.fresh && isSkippedBySuppression(row.kind, reasons.get(hashEmail(row.to)) ?? null);
  return {
    send: batch.rows.filter((row) => !isSkipped(row)).map((row) => ({ row, email: toOutgoing(row) })),
    skip: batch.rows.filter(isSkipped).map((row) => ({ row, reason: "suppressed" })),
  };
}

const outboxQueue: BatchQueue<OutboxRow> = {
  table: OUTBOX_TABLE,
  idempotencyKey: (batch) => batchIdempotencyKey(batch.id),
  prepare,
  log: mailLog,
};

/**
 * Sends every due email of the outbox, one batch of up to 100 at a time, until
 * nothing is due (or `maxBatches`). Safe to run in several processes at once.
 */
export async function drainOutbox(options: DrainOptions = {}): Promise<DrainResult> {
  const offset = options.now ? options.now.getTime() - Date.now() : 0;
  return runBatches(outboxQueue, {
    workerId: options.workerId ?? randomUUID().slice(0, 8),
    clock: () => new Date(Date.now() + offset),
    maxBatches: options.maxBatches,
    resend: options.resend,
  });
}
