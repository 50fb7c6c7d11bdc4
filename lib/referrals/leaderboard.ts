import "server-only";
import { db } from "@/lib/db";

export const LEADERBOARD_SIZE = 50;

export type LeaderboardEntry = { rank: number; name: string; verified: number };

/**
 * The public leaderboard: people who opted in, under the name they chose, ranked by
 * their verified, unflagged invitees (a referrer is never flagged); nothing but the
 * chosen name and a count leaves the database.
 */
export async function getLeaderboard(
  campaignId: string,
  limit = LEADERBOARD_SIZE,
): Promise<LeaderboardEntry[]> {
  const rows = await db.$queryRaw<{ name: string; verified: bigint }[]>`
    SELECT r.leaderboard_name AS name, count(i.id) AS verified
    FROM pledges r
    JOIN pledges i ON i.referred_by_id = r.id
      AND i.verified_at IS NOT NULL AND i.referral_flagged_at IS NULL
    WHERE r.campaign_id = ${campaignId}
      AND r.verified_at IS NOT NULL
      AND r.leaderboard_opt_in_at IS NOT NULL
      AND r.leaderboard_name IS NOT NULL
    GROUP BY r.id, r.leaderboard_name, r.leaderboard_opt_in_at
    ORDER BY verified DESC, r.leaderboard_opt_in_at ASC
    LIMIT ${limit}`;
  return rows.map((row, index) => ({ rank: index + 1, name: row.name, verified: Number(row.verified) }));
}
