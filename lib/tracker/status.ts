import "server-only";
import { db } from "@/lib/db";
import { applyStatDelta } from "@/lib/stats/counters";
import type { TrackerContext } from "./context";
import { dayToInstant, objectionDayError } from "./dates";
import { ofKnownPlatforms } from "./known-platforms";
import { lockOwnPledge } from "./pledge-lock";
import type { Progress, Status } from "./progress";
import { fail, type TrackerResult } from "./result";
import type { UpdateSubmissionInput } from "./schema";
import { settleFinished } from "./settle-finished";
import { planTransition, statDeltaForStatus } from "./transitions";

export type StatusChange = Pick<UpdateSubmissionInput, "submissionId" | "status" | "day" | "note">;

/**
 * Moves one of the person's accounts to another status (see ./transitions.ts), with
 * the public counters and the person's "finished" in the same transaction. An id that
 * is not the person's answers exactly like an id that does not exist.
 */
export async function updateSubmissionStatus(
  userId: string,
  change: StatusChange,
  context: TrackerContext,
): Promise<TrackerResult<{ status: Status; progress: Progress }>> {
  const { campaign, now } = context;
  let day: Date | undefined;
  if (change.day !== undefined && (change.status === "SUBMITTED" || change.status === "CONFIRMED")) {
    const error = objectionDayError(change.day, { campaign, now });
    if (error) return fail(error, "day");
    day = dayToInstant(change.day);
  }

  return db.$transaction(async (tx) => {
    const pledge = await lockOwnPledge(tx, userId, campaign.id);
    if (!pledge) return fail("no_pledge");
    const found = await tx.submission.findFirst({
      where: { id: change.submissionId, userId, campaignId: campaign.id },
      select: {
        id: true,
        platform: true,
        status: true,
        coveredById: true,
        submittedAt: true,
        confirmedAt: true,
      },
    });
    const row = found ? ofKnownPlatforms(campaign, [found])[0] : undefined;
    if (!row) return fail("not_found");
    if (row.coveredById) return fail("covered");
    if (change.status === "NOT_APPLICABLE") {
      const covered = await tx.submission.count({
        where: { userId, campaignId: campaign.id, coveredById: row.id },
      });
      if (covered > 0) return fail("covers_others");
    }

    const plan = planTransition(row.status, change.status, row, day);
    if (!plan.ok) {
      const isAboutDay = plan.error === "day_required" || plan.error === "confirmed_before_submitted";
      return fail(plan.error, isAboutDay ? "day" : undefined);
    }
    await tx.submission.update({
      where: { id: row.id },
      data: {
        status: change.status,
        submittedAt: plan.dates.submittedAt,
        confirmedAt: plan.dates.confirmedAt,
        ...(change.note !== undefined ? { note: change.note } : {}),
      },
      select: { id: true },
    });
    await applyStatDelta(tx, campaign.id, statDeltaForStatus(row.platform, row.status, change.status));
    const progress = await settleFinished(tx, userId, pledge, context);
    return { ok: true, data: { status: change.status, progress } };
  });
}
