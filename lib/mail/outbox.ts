import { randomUUID } from "node:crypto";
import type { Resend } from "resend";
import { z } from "zod";
import { Prisma, type Tx } from "@/lib/db";
import {
  type Batch,
  type BatchCounts,
  type BatchQueue,
  type PreparedBatch,
  type QueueTable,
  runBatches,
} from "./batch-engine";
import { mailLog } from "./log";
import type { OutgoingEmail } from "./send-batch";
import { hashEmail, isSkippedBySuppression, isSuppressible, suppressionsByHash } from "./suppression";
import { renderTemplate, type TemplateData, templateDataSchema, templateSubject } from "./templates";

// Transactional mail goes through the table outbox_emails: a request inserts a row
// (in its own transaction if it has one) and returns; a drain sends due rows in
// batches of up to 100 (./batch-engine.ts: exactly once across processes and
// crashes), so a burst of sign-ups costs a few requests to Resend. A batch's
// idempotency key is named after its batch id.

export { backoffMs, MAX_ATTEMPTS } from "./batch-engine";

const queueEmailSchema = z.union([
  z.object({
    kind: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, "must be a lower-case kebab-case name"),
    to: z.email(),
    subject: z.string().trim().min(1).max(998),
    html: z.string().min(1),
    text: z.string().min(1),
    headers: z.record(z.string(), z.string()).optional(),
    idempotencyKey: z.string().min(1).max(200),
  }),
  // Rendered by the drain (./templates.tsx): the request stores only what the template needs.
  z.object({
    kind: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, "must be a lower-case kebab-case name"),
    to: z.email(),
    template: templateDataSchema,
    headers: z.record(z.string(), z.string()).optional(),
    idempotencyKey: z.string().min(1).max(200),
  }),
]);
export type QueueEmailInput = z.input<typeof queueEmailSchema>;

/** The columns of a new outbox row (X-Entity-Ref-ID: unique per email, so Gmail does not thread them). */
function rowOf(input: QueueEmailInput) {
  const email = queueEmailSchema.parse(input);
  const headers = { ...email.headers, "X-Entity-Ref-ID": randomUUID() };
  const base = { kind: email.kind, to: email.to.trim(), headers, idempotencyKey: email.idempotencyKey };
  return "template" in email
    ? {
        ...base,
        subject: templateSubject(email.template),
        html: null,
        text: null,
        templateData: email.template,
      }
    : { ...base, subject: email.subject, html: email.html, text: email.text, templateData: null };
}

/**
 * The INSERT of an outbox row as part of a larger statement: one row per row of
 * `source` (a CTE of the caller's statement; none, none queued), nothing on a
 * duplicate idempotency key. `now` is the row's created_at and next_attempt_at (UTC).
 */
export function queueEmailStatement(input: QueueEmailInput, source: Prisma.Sql, now: Date): Prisma.Sql {
  const row = rowOf(input);
  const at = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return Prisma.sql`
    INSERT INTO outbox_emails (id, kind, "to", subject, html, text, headers, template_data, idempotency_key,
      status, attempts, next_attempt_at, created_at)
    SELECT ${`ob${randomUUID().replaceAll("-", "")}`}, ${row.kind}, ${row.to}, ${row.subject}, ${row.html},
      ${row.text}, ${JSON.stringify(row.headers)}::jsonb, ${row.templateData === null ? null : JSON.stringify(row.templateData)}::jsonb,
      ${row.idempotencyKey}, 'PENDING', 0, ${at}, ${at}
    FROM ${source}
    ON CONFLICT (idempotency_key) DO NOTHING`;
}

export type QueueEmailResult = { id: string; queued: boolean };

/**
 * Adds an email to the outbox as PENDING. `client` is `db` or the caller's
 * transaction, so the email is queued if and only if the caller's writes commit.
 * A second call with the same idempotency key changes nothing and returns the first
 * row's id with `queued: false`. Call kickOutbox() after the commit to send it soon.
 */
export async function queueEmail(client: Tx, input: QueueEmailInput): Promise<QueueEmailResult> {
  const { templateData, ...row } = rowOf(input);
  const created = await client.outboxEmail.createManyAndReturn({
    data: [{ ...row, templateData: templateData ?? Prisma.DbNull }],
    skipDuplicates: true,
    select: { id: true },
  });
  const first = created[0];
  if (first) return { id: first.id, queued: true };
  const existing = await client.outboxEmail.findUniqueOrThrow({
    where: { idempotencyKey: row.idempotencyKey },
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

export type DrainResult = BatchCounts;

type OutboxRow = {
  id: string;
  attempts: number;
  kind: string;
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
  headers: unknown;
  templateData: unknown;
};

const OUTBOX_TABLE: QueueTable<OutboxRow> = {
  name: "outbox_emails",
  columns: {
    kind: "kind",
    to: "to",
    subject: "subject",
    html: "html",
    text: "text",
    headers: "headers",
    templateData: "template_data",
  },
  bodyColumns: ["html", "text", "template_data"],
  localBodies: { html: "html", text: "text" },
  hasUpdatedAt: false,
};

function headersOf(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return Object.fromEntries(entries);
}

async function toOutgoing(row: OutboxRow): Promise<OutgoingEmail> {
  const bodies =
    row.html === null && row.text === null && row.templateData !== null
      ? await renderTemplate(templateDataSchema.parse(row.templateData) satisfies TemplateData)
      : { html: row.html, text: row.text };
  return { to: row.to, subject: row.subject, ...bodies, headers: headersOf(row.headers) };
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
    send: await Promise.all(
      batch.rows.filter((row) => !isSkipped(row)).map(async (row) => ({ row, email: await toOutgoing(row) })),
    ),
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
