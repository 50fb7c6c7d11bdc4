import "server-only";
import { after } from "next/server";
import type { Campaign } from "@/lib/campaign";
import { env } from "@/lib/env";
import { startJobRun } from "@/lib/jobs/job-runs";
import { logger } from "@/lib/log";
import { runReminders } from "@/lib/reminders";
import { dueReminder } from "@/lib/reminders/schedule";

/** As long as the cron route's tick: what is left, the next tick (or Send now) sends. */
const BUDGET_MS = 40_000;

export type StartedRun = { runId: string; reminder: string };

/**
 * "Send now": the due reminder through the same sender as `npm run reminders` and the
 * cron route (lib/reminders/sender.ts, exactly once across all of them), started after
 * the response so the page can show its progress (job_runs) while it runs. Sends are
 * real-time: `asOf` moves the clock only under the test launcher (ORGANISER_TEST_CLOCK).
 * Null when no reminder is due.
 */
export async function startReminderRun(campaign: Campaign, asOf: Date | null): Promise<StartedRun | null> {
  const now = asOf && env().ORGANISER_TEST_CLOCK ? asOf : new Date();
  const slot = dueReminder(campaign, now);
  if (!slot) return null;
  const runId = await startJobRun("reminders", "console", campaign.id);
  after(async () => {
    try {
      await runReminders({ campaign, appUrl: env().APP_URL, now, budgetMs: BUDGET_MS, runId });
    } catch (error) {
      logger.error({ err: error, module: "organiser" }, "console reminder run failed");
    }
  });
  return { runId, reminder: slot.key };
}
