import { createHash, randomUUID } from "node:crypto";
import type { Resend } from "resend";
import type { Campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { finishJobRun, type JobSource, startJobRun, updateJobRun } from "@/lib/jobs/job-runs";
import { type BatchCounts, type BatchQueue, type PreparedBatch, runBatches } from "@/lib/mail/batch-engine";
import { hashEmail, suppressionsByHash } from "@/lib/mail/suppression";
import { createReminderRenderer, type ReminderRenderer } from "./content";
import { remindersLog } from "./log";
import {
  type ClaimedBatch,
  type ClaimedDelivery,
  campaignScope,
  countOpen,
  countWaiting,
  DELIVERIES_TABLE,
  enqueueReminder,
  NOTHING_WAITING,
  type WaitingBatches,
} from "./queue";
import { dueReminder, isOpen, slotOf } from "./schedule";
import { objectionsToDo } from "./todo";

// Sends the reminders due at `now`: enqueue everyone who should get the due reminder,
// then claim and send batches of up to 100 through Resend's batch endpoint until the
// queue is empty or the time budget is spent (a serverless invocation has a limit;
// the result then says `more`). Safe to run in several processes at once: the batches
// go through lib/mail/batch-engine.ts, with a "prepare" step that checks again, just
// before sending, that each person should still get the reminder.

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
  resend?: Resend;
  onProgress?: (progress: RunProgress) => void;
  /** Records the run in job_runs (progress, outcome, skip reasons) under this source. */
  source?: JobSource;
  /** A job_runs row started already (the console shows it before the run begins). */
  runId?: string;
};

export type RunProgress = { done: number; total: number; sent: number; skipped: number; failed: number };

export type RunResult = BatchCounts & {
  /** The reminder due at `now`, if any. */
  due: string | null;
  enqueued: number;
  /** Work is left that is due now: call again. */
  more: boolean;
  /** Deliveries held under a sender's lease or waiting for a retry, not due yet. */
  waiting: WaitingBatches;
  /** Why rows were skipped in this run, by reason. */
  skipReasons: Record<string, number>;
};

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

const YIELD_EVERY = 10;

/** Checks each claimed delivery again and renders it in the person's language. */
async function prepare(
  batch: ClaimedBatch,
  campaign: Campaign,
  renderer: ReminderRenderer,
  now: Date,
): Promise<PreparedBatch<ClaimedDelivery>> {
  const { people, rows, suppressed } = await loadRecipients(
    campaign,
    batch.rows.map((row) => row.userId),
  );
  const prepared: PreparedBatch<ClaimedDelivery> = { send: [], skip: [] };
  for (const [index, row] of batch.rows.entries()) {
    // This runs ahead, while the previous batch waits for its turn to send: a pause
    // every few emails lets that turn's timer fire on time (a late request bunches up
    // with the next senders' and draws a 429, which pauses every sender).
    if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
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
                  : batch.fresh && !isOpen(slot, now)
                    ? "window_closed"
                    : null;
    if (reason || !slot || !person) {
      prepared.skip.push({ row, reason: reason ?? "no_pledge" });
      continue;
    }
    const message = await renderer.render(slot, {
      deliveryId: row.id,
      userId: row.userId,
      locale: person.locale,
      firstName: person.firstName,
      todo,
    });
    prepared.send.push({ row, email: { to: person.email, ...message } });
  }
  return prepared;
}

/** Sends the reminders due at `now` (see the top of this file), recorded when given a source. */
export async function runReminders(options: RunOptions): Promise<RunResult> {
  if (!options.source && !options.runId) return sendDue(options);
  const runId =
    options.runId ?? (await startJobRun("reminders", options.source ?? "cli", options.campaign.id));
  try {
    const result = await sendDue({
      ...options,
      onProgress: (progress) => {
        options.onProgress?.(progress);
        void updateJobRun(runId, progress).catch((error: unknown) =>
          remindersLog.warn({ err: error }, "run progress not recorded"),
        );
      },
    });
    await finishJobRun(runId, { summary: result, subject: result.due });
    return result;
  } catch (error) {
    await finishJobRun(runId, { error });
    throw error;
  }
}

async function sendDue(options: RunOptions): Promise<RunResult> {
  const { campaign } = options;
  const workerId = options.workerId ?? randomUUID().slice(0, 8);
  const started = Date.now();
  const offset = options.now ? options.now.getTime() - started : 0;
  const clock = () => new Date(Date.now() + offset);
  const budgetEnd = started + (options.budgetMs ?? Number.POSITIVE_INFINITY);

  const slot = dueReminder(campaign, clock());
  let enqueued = 0;
  let isEnqueueComplete = true;
  if (slot && !options.skipEnqueue) {
    const enqueue = await enqueueReminder(campaign, slot, clock(), () => Date.now() >= budgetEnd);
    enqueued = enqueue.inserted;
    isEnqueueComplete = enqueue.complete;
  }

  const skipReasons: Record<string, number> = {};
  const renderer = createReminderRenderer(campaign, options.appUrl);
  const queue: BatchQueue<ClaimedDelivery> = {
    table: DELIVERIES_TABLE,
    scope: campaignScope(campaign.id),
    idempotencyKey: (batch) => batchKey(batch.allIds),
    prepare: async (batch) => {
      const prepared = await prepare(batch, campaign, renderer, clock());
      for (const { reason } of prepared.skip) skipReasons[reason] = (skipReasons[reason] ?? 0) + 1;
      return prepared;
    },
    log: remindersLog,
  };
  const total = (await countOpen(campaign.id, clock())).due;
  const { stopped, ...counts } = await runBatches(queue, {
    workerId,
    clock,
    maxBatches: options.maxBatches,
    budgetEnd,
    resend: options.resend,
    onBatch: ({ sent, skipped, failed }) =>
      options.onProgress?.({ done: sent + skipped + failed, total, sent, skipped, failed }),
  });
  const left = await countOpen(campaign.id, clock());
  const result: RunResult = {
    due: slot?.key ?? null,
    enqueued,
    ...counts,
    more: !isEnqueueComplete || left.due > 0 || stopped,
    waiting: left.later > 0 ? await countWaiting(campaign.id, clock()) : NOTHING_WAITING,
    skipReasons,
  };
  remindersLog.info({ workerId, ...result }, "reminders run");
  return result;
}
