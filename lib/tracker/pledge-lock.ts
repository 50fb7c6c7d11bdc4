import "server-only";
import type { Tx } from "@/lib/db";

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
