// npm run reminders [-- --dry-run] [--show-addresses] [--now 2025-05-20T09:00:00+02:00] [--budget 50]
//
// Sends the reminders due now (or at --now) to everyone who should get them, in
// batches through Resend, with a progress bar and a summary; safe to run while other
// senders (the cron endpoint, another terminal) run. --dry-run lists who would get
// which reminder (user ids; addresses only with --show-addresses) and sends nothing.
import { parseArgs } from "node:util";
import { campaign } from "@/lib/campaign";
import { env } from "@/lib/env";
import { planReminder, type WaitingBatches } from "@/lib/reminders/queue";
import { dueReminder } from "@/lib/reminders/schedule";
import { type RunProgress, runReminders } from "@/lib/reminders/sender";
import { runCli } from "./run-cli";

function progressBar({ done, total, sent, skipped, failed }: RunProgress): string {
  const width = 30;
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} sent ${sent} skipped ${skipped} failed ${failed}`;
}

/** What is left when nothing is due: batches under a running (or dead) sender's lease, retries. */
function waitingLine({ heldDeliveries, heldBatches, retryDeliveries, nextRetryAt }: WaitingBatches): string {
  if (heldDeliveries === 0 && retryDeliveries === 0) return "Nothing more is due now.";
  const parts = [];
  if (heldDeliveries > 0) {
    parts.push(
      `${heldDeliveries} reminder(s) in ${heldBatches} batch(es) are held by a sender that stopped or is still sending (its lease is not over)`,
    );
  }
  if (retryDeliveries > 0) parts.push(`${retryDeliveries} wait for a retry after a failure`);
  return `Nothing more is due now, but ${parts.join("; ")}: they will be retried from ${nextRetryAt ?? "soon"}.`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "dry-run": { type: "boolean", default: false },
      "show-addresses": { type: "boolean", default: false },
      now: { type: "string" },
      budget: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      "usage: npm run reminders -- [--dry-run] [--show-addresses] [--now ISO-8601] [--budget SECONDS]\n",
    );
    return 0;
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write("--now must be an ISO 8601 date, e.g. 2025-05-20T09:00:00+02:00\n");
    return 2;
  }
  const c = campaign();
  const slot = dueReminder(c, now);
  if (values["dry-run"]) {
    if (!slot) {
      process.stdout.write(`No reminder is due at ${now.toISOString()} for ${c.id}.\n`);
      return 0;
    }
    const planned = await planReminder(c, slot);
    for (const entry of planned) {
      const address = values["show-addresses"] ? `\t${entry.email}` : "";
      process.stdout.write(`${entry.userId}\t${slot.key}\t${entry.queued ? "queued" : "new"}${address}\n`);
    }
    process.stdout.write(`Dry run: ${planned.length} would get "${slot.key}" (nothing sent).\n`);
    return 0;
  }

  const isTty = process.stderr.isTTY;
  const result = await runReminders({
    campaign: c,
    appUrl: env().APP_URL,
    now,
    budgetMs: values.budget ? Number(values.budget) * 1000 : undefined,
    source: "cli",
    onProgress: (progress) => {
      if (isTty) process.stderr.write(`\r${progressBar(progress)}`);
      else process.stderr.write(`${progressBar(progress)}\n`);
    },
  });
  if (isTty) process.stderr.write("\n");
  process.stdout.write(
    `${[
      `Reminder due: ${result.due ?? "none"}`,
      `queued ${result.enqueued}, batches ${result.batches}, sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}, deferred ${result.deferred}, 429s waited ${result.rateLimited}`,
      result.more ? "More is due: run again." : waitingLine(result.waiting),
    ].join("\n")}\n`,
  );
  return result.failed > 0 ? 1 : 0;
}

runCli(main);
