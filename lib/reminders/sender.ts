import { createHash, randomUUID } from "node:crypto";
import type { Resend } from "resend";
import type { Campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { type OutgoingEmail, sendBatch } from "@/lib/mail/send-batch";
import { hashEmail, suppressionsByHash } from "@/lib/mail/suppression";
import { createReminderRenderer, type ReminderRenderer } from "./content";
import { remindersLog } from "./log";
import {
  type ClaimedBatch,
  claimFreshBatch,
  claimRetryBatch,
  countOpen,
  enqueueReminder,
  LEASE_MS,
  markFailed,
  markSent,
  markSkipped,
  reschedule,
} from "./queue";
import { dueReminder, isOpen, slotOf } from "./schedule";
import { objectionsToDo } from "./todo";

// Sends the reminders due at `now`: enqueue everyone who should get the due reminder,
// then claim and send batches of up to 100 through Resend's batch endpoint until the
// queue is empty or the time budget is spent (a serverless invocation has a limit;
// the result then says `more`). Safe to run in several processes at once (./queue.ts).

export const MAX_ATTEMPTS = 6;
const MAX_RATE_LIMIT_WAIT_MS = 30_000;
const MAX_RATE_LIMIT_RETRIES = 10;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Resend's idempotency key for a batch: derived from the sorted ids of every delivery
 * the batch was claimed with, so a retry of the same batch (same rows, kept together
 * by claimed_by) uses the same key whoever retries it.
 */
export function batchKey(sortedIds: readonly string[]): string {
  return `reminders-${createHash("sha256").update(sortedIds.join(",")).digest("hex").slice(0, 48)}`;
}

export type SkipReason =
  | "no_pledge"
  | "unverified"
  | "no_consent"
  | "unsubscribed"
  | "suppressed"
  | "nothing_to_do"
  | "window_closed"
  | "unknown_reminder";

export type RunOptions = {
  campaign: Campaign;
  /** Absolute base URL for links in the emails. */
  appUrl: string;
  /** The current time (tests and --now move it); it advances with the real clock. */
  now?: Date;
  workerId?: string;
  /** Stop claiming new batches after this long (a serverless invocation's limit). */
  budgetMs?: number;
  /** Stop after this many batches. */
  maxBatches?: number;
  /** Skip the enqueue step (another process does it). */
  skipEnqueue?: boolean;
  /** Waits before each request to Resend (cross-process pacing, see ./pacing.ts). */
  pace?: () => Promise<void>;
  resend?: Resend;
  onProgress?: (progress: RunProgress) => void;
};

export type RunProgress = { done: number; total: number; sent: number; skipped: number; failed: number };

export type RunResult = {
  /** The reminder due at `now`, if any. */
  due: string | null;
  enqueued: number;
  batches: number;
  sent: number;
  skipped: number;
  failed: number;
  /** Emails left for a later retry (transient failure or a long 429). */
  deferred: number;
  /** 429 answers waited out. */
  rateLimited: number;
  /** Work is left that is due now: call again. */
  more: boolean;
};

type BatchOutcome = {
  sent: number;
  skipped: number;
  failed: number;
  deferred: number;
  rateLimited: number;
  stop: boolean;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type RecipientState = {
  email: string;
  locale: string;
  firstName: string | null;
  platforms: string[];
  remindersConsent: boolean;
  unsubscribedAt: Date | null;
  verifiedAt: Date | null;
};

async function loadRecipients(campaign: Campaign, userIds: string[]) {
  const [pledges, submissions] = await Promise.all([
    db.pledge.findMany({
      where: { campaignId: campaign.id, userId: { in: userIds } },
      select: {
        userId: true,
        locale: true,
        firstName: true,
        platforms: true,
        remindersConsent: true,
        unsubscribedAt: true,
        verifiedAt: true,
        user: { select: { email: true } },
      },
    }),
    db.submission.findMany({
      where: { campaignId: campaign.id, userId: { in: userIds } },
      select: { userId: true, platform: true, status: true, coveredById: true },
    }),
  ]);
  const people = new Map<string, RecipientState>(
    pledges.map((p) => [
      p.userId,
      {
        email: p.user.email,
        locale: p.locale,
        firstName: p.firstName,
        platforms: p.platforms,
        remindersConsent: p.remindersConsent,
        unsubscribedAt: p.unsubscribedAt,
        verifiedAt: p.verifiedAt,
      },
    ]),
  );
  const rows = new Map<string, typeof submissions>();
  for (const row of submissions) rows.set(row.userId, [...(rows.get(row.userId) ?? []), row]);
  const suppressed = await suppressionsByHash([...people.values()].map((p) => hashEmail(p.email)));
  return { people, rows, suppressed };
}

async function deliver(
  batch: ClaimedBatch,
  campaign: Campaign,
  renderer: ReminderRenderer,
  clock: () => Date,
  options: Pick<RunOptions, "pace" | "resend">,
  budgetEnd: number,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { sent: 0, skipped: 0, failed: 0, deferred: 0, rateLimited: 0, stop: false };
  const { people, rows, suppressed } = await loadRecipients(
    campaign,
    batch.rows.map((row) => row.userId),
  );
  const skipped: { id: string; reason: SkipReason }[] = [];
  const sendable: { id: string; email: OutgoingEmail }[] = [];
  for (const row of batch.rows) {
    const slot = slotOf(campaign, row.reminderKey);
    const person = people.get(row.userId);
    const todo = person ? objectionsToDo(campaign, person.platforms, rows.get(row.userId) ?? []) : [];
    const reason: SkipReason | null = !slot
      ? "unknown_reminder"
      : !person
        ? "no_pledge"
        : !person.verifiedAt
          ? "unverified"
          : person.unsubscribedAt
            ? "unsubscribed"
            : !person.remindersConsent
              ? "no_consent"
              : suppressed.has(hashEmail(person.email))
                ? "suppressed"
                : todo.length === 0
                  ? "nothing_to_do"
                  : batch.fresh && !isOpen(slot, clock())
                    ? "window_closed"
                    : null;
    if (reason || !slot || !person) {
      skipped.push({ id: row.id, reason: reason ?? "no_pledge" });
      continue;
    }
    const message = await renderer.render(slot, {
      deliveryId: row.id,
      userId: row.userId,
      locale: person.locale,
      firstName: person.firstName,
      todo,
    });
    sendable.push({ id: row.id, email: { to: person.email, ...message } });
  }
  await markSkipped(batch, skipped);
  outcome.skipped = skipped.length;
  if (sendable.length === 0) return outcome;

  const ids = sendable.map((s) => s.id);
  const emails = sendable.map((s) => s.email);
  const key = batchKey(batch.allIds);
  const attempts = Math.max(...batch.rows.map((row) => row.attempts));
  for (;;) {
    await options.pace?.();
    const result = await sendBatch(emails, key, { resend: options.resend });
    if (result.ok) {
      await markSent(batch, ids, result.ids, clock());
      outcome.sent = ids.length;
      return outcome;
    }
    if (result.kind === "rate_limited") {
      outcome.rateLimited++;
      const wait = result.retryAfterMs;
      if (
        wait > MAX_RATE_LIMIT_WAIT_MS ||
        outcome.rateLimited > MAX_RATE_LIMIT_RETRIES ||
        Date.now() + wait > budgetEnd
      ) {
        // Everything else would get a 429 too: give the batch back and stop this run.
        await reschedule(batch, new Date(clock().getTime() + wait), null);
        outcome.deferred = ids.length;
        outcome.stop = true;
        return outcome;
      }
      await reschedule(batch, new Date(clock().getTime() + LEASE_MS + wait), null);
      await sleep(wait);
      continue;
    }
    // Same key, different body: Resend already accepted this batch on an earlier
    // attempt whose answer was lost (a person's list changed since). It was sent.
    if (
      !batch.fresh &&
      result.kind === "permanent" &&
      result.message.startsWith("409 invalid_idempotent_request")
    ) {
      await markSent(
        batch,
        ids,
        ids.map(() => null),
        clock(),
      );
      outcome.sent = ids.length;
      return outcome;
    }
    if (result.kind === "transient" && attempts < MAX_ATTEMPTS) {
      await reschedule(batch, new Date(clock().getTime() + backoffMs(attempts)), result.message);
      outcome.deferred = ids.length;
      return outcome;
    }
    await markFailed(batch, result.message);
    outcome.failed = ids.length;
    return outcome;
  }
}

/** Sends the reminders due at `now` (see the top of this file). */
export async function runReminders(options: RunOptions): Promise<RunResult> {
  const { campaign } = options;
  const workerId = options.workerId ?? randomUUID().slice(0, 8);
  const started = Date.now();
  const offset = options.now ? options.now.getTime() - started : 0;
  const clock = () => new Date(Date.now() + offset);
  const budgetEnd = started + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  const isOutOfTime = () => Date.now() >= budgetEnd;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const result: RunResult = {
    due: null,
    enqueued: 0,
    batches: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    deferred: 0,
    rateLimited: 0,
    more: false,
  };

  const slot = dueReminder(campaign, clock());
  result.due = slot?.key ?? null;
  let isEnqueueComplete = true;
  if (slot && !options.skipEnqueue) {
    const enqueued = await enqueueReminder(campaign, slot, clock(), isOutOfTime);
    result.enqueued = enqueued.inserted;
    isEnqueueComplete = enqueued.complete;
  }

  const renderer = createReminderRenderer(campaign, options.appUrl);
  const open = await countOpen(campaign.id, clock());
  const total = open.due;
  let stopped = false;
  while (result.batches < maxBatches && !isOutOfTime()) {
    const now = clock();
    const batch = (await claimRetryBatch(campaign.id, now)) ?? (await claimFreshBatch(campaign.id, now));
    if (!batch) break;
    result.batches++;
    const outcome = await deliver(batch, campaign, renderer, clock, options, budgetEnd);
    result.sent += outcome.sent;
    result.skipped += outcome.skipped;
    result.failed += outcome.failed;
    result.deferred += outcome.deferred;
    result.rateLimited += outcome.rateLimited;
    remindersLog.info(
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
      "reminder batch",
    );
    options.onProgress?.({
      done: result.sent + result.skipped + result.failed,
      total,
      sent: result.sent,
      skipped: result.skipped,
      failed: result.failed,
    });
    if (outcome.stop) {
      stopped = true;
      break;
    }
  }
  const left = await countOpen(campaign.id, clock());
  result.more = !isEnqueueComplete || left.due > 0 || stopped;
  remindersLog.info({ workerId, ...result }, "reminders run");
  return result;
}
