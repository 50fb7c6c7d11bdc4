import { db, type Prisma } from "@/lib/db";

// Runs of the background jobs (table job_runs), whoever starts them: the CLI, a cron
// tick or the organiser console. A run is "running" with its progress in `summary`
// until it ends "done" (with its outcome) or "failed" (with the error's message).
// Not "server-only": `npm run reminders` imports it through lib/reminders/sender.

export type JobName = "reminders" | "retention";
export type JobSource = "cli" | "cron" | "console";
export type JobSummary = Record<string, unknown>;

const asJson = (summary: JobSummary) => summary as Prisma.InputJsonObject;

export async function startJobRun(job: JobName, source: JobSource, campaignId: string): Promise<string> {
  const run = await db.jobRun.create({ data: { job, source, campaignId }, select: { id: true } });
  return run.id;
}

/** Progress of a running run; a finished run is left as it ended. */
export async function updateJobRun(id: string, summary: JobSummary, subject?: string | null): Promise<void> {
  await db.jobRun.updateMany({
    where: { id, status: "running" },
    data: { summary: asJson(summary), ...(subject !== undefined ? { subject } : {}) },
  });
}

export async function finishJobRun(
  id: string,
  outcome: { summary: JobSummary; subject?: string | null } | { error: unknown },
): Promise<void> {
  const finishedAt = new Date();
  if ("error" in outcome) {
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    await db.jobRun.update({
      where: { id },
      data: { status: "failed", error: message.slice(0, 500), finishedAt },
    });
    return;
  }
  await db.jobRun.update({
    where: { id },
    data: {
      status: "done",
      summary: asJson(outcome.summary),
      ...(outcome.subject !== undefined ? { subject: outcome.subject } : {}),
      finishedAt,
    },
  });
}

/** Runs `body` as a recorded run of `job`: its result is the run's summary. */
export async function recordJobRun<T extends JobSummary>(
  job: JobName,
  source: JobSource,
  campaignId: string,
  body: () => Promise<T>,
): Promise<T> {
  const id = await startJobRun(job, source, campaignId);
  try {
    const result = await body();
    await finishJobRun(id, { summary: result });
    return result;
  } catch (error) {
    await finishJobRun(id, { error });
    throw error;
  }
}
