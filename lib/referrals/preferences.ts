import "server-only";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";

// The referrer's own sharing choices. Each write is scoped by the signed-in person's
// user id and the campaign (the running one unless given), and touches only their
// verified pledge in it; false means there was none.

export async function setShowFirstNameOnShare(
  userId: string,
  isShown: boolean,
  campaignId: string = campaign().id,
): Promise<boolean> {
  const { count } = await db.pledge.updateMany({
    where: { userId, campaignId, verifiedAt: { not: null } },
    data: { showFirstNameOnShare: isShown },
  });
  return count > 0;
}

/** Joins the leaderboard under `name`, or renames; the opt-in time is kept on renames. */
export async function joinLeaderboard(
  userId: string,
  name: string,
  now: Date,
  campaignId: string = campaign().id,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const own = await tx.pledge.findUnique({
      where: { userId_campaignId: { userId, campaignId } },
      select: { id: true, verifiedAt: true, leaderboardOptInAt: true },
    });
    if (!own?.verifiedAt) return false;
    await tx.pledge.update({
      where: { id: own.id },
      data: { leaderboardName: name, leaderboardOptInAt: own.leaderboardOptInAt ?? now },
    });
    return true;
  });
}

/** Leaves the leaderboard at once; the name is forgotten. */
export async function leaveLeaderboard(userId: string, campaignId: string = campaign().id): Promise<boolean> {
  const { count } = await db.pledge.updateMany({
    where: { userId, campaignId },
    data: { leaderboardName: null, leaderboardOptInAt: null },
  });
  return count > 0;
}
