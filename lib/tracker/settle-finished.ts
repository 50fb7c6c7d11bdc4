import "server-only";
import type { Tx } from "@/lib/db";
import { applyStatDelta } from "@/lib/stats/counters";
import { statKey } from "@/lib/stats/keys";
import type { TrackerContext } from "./context";
import { ofKnownPlatforms } from "./known-platforms";
import type { LockedPledge } from "./pledge-lock";
import { computeProgress, type Progress } from "./progress";

/**
 * Recomputes whether the person is finished after a write in `tx`, and moves
 * `finished_at` and the "finished" counter when that changed.
 */
export async function settleFinished(
  tx: Tx,
  userId: string,
  pledge: LockedPledge,
  { campaign, now }: TrackerContext,
): Promise<Progress> {
  const rows = await tx.submission.findMany({
    where: { userId, campaignId: campaign.id },
    select: { platform: true, status: true, coveredById: true },
  });
  const progress = computeProgress(ofKnownPlatforms(campaign, rows));
  const wasFinished = pledge.finishedAt !== null;
  if (progress.finished !== wasFinished) {
    await tx.pledge.update({
      where: { id: pledge.id },
      data: { finishedAt: progress.finished ? now : null },
      select: { id: true },
    });
    await applyStatDelta(tx, campaign.id, { [statKey.finished]: progress.finished ? 1 : -1 });
  }
  return progress;
}
