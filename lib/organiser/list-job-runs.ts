import "server-only";
import { db } from "@/lib/db";

export type JobRunView = {
  id: string;
  job: string;
  source: string;
  status: string;
  subject: string | null;
  summary: Record<string, unknown> | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/** The latest runs of `job`, newest first. */
export async function listJobRuns(job: "reminders" | "retention", campaignId: string, limit = 20) {
  const rows = await db.jobRun.findMany({
    where: { job, campaignId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(
    (row): JobRunView => ({
      id: row.id,
      job: row.job,
      source: row.source,
      status: row.status,
      subject: row.subject,
      summary:
        row.summary && typeof row.summary === "object" ? (row.summary as Record<string, unknown>) : null,
      error: row.error,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    }),
  );
}
