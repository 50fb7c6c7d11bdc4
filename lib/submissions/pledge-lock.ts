import "server-only";
import type { Campaign } from "@/lib/campaign";
import type { Tx } from "@/lib/db";
import { applyStatDelta } from "@/lib/stats/counters";
import { statKey } from "@/lib/stats/keys";
import { computeProgress, type Progress } from "./progress";

export type TrackerContext = { campaign: Campaign; now: Date };

export type LockedPledge = { id: string; finishedAt: Date | null };

/**
 * The person's pledge, locked for the rest of the transaction: one person's tracker
 * writes run one after another, so `finished` is decided on rows nobody else is
 * changing (and an erasure, which locks the same row, waits or goes first).
 */
export async function lockOwnPledge(
  tx: Tx,
  userId: string,
  campaignId: string,
): Promise<LockedPledge | null> {
  const rows = await tx.$queryRaw<{ id: string; finished_at: Date | null }[]>`
    SELECT id, finished_at FROM pledges
    WHERE user_id = ${userId} AND campaign_id = ${campaignId}
    FOR UPDATE`;
  const row = rows[0];
  return row ? { id: row.id, finishedAt: row.finished_at } : null;
}

/** Accounts of platforms the running campaign still has (a removed platform counts for nothing). */
export function ofKnownPlatforms<T extends { platform: string }>(
  campaign: Campaign,
  rows: readonly T[],
): T[] {
  const known = new Set(campaign.platforms.map((p) => p.id));
  return rows.filter((row) => known.has(row.platform));
}

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
