import "server-only";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { type Milestone, milestonesReached, nextMilestone } from "./rules";
import { referralUrl } from "./share";

/** What the referrer's dashboard card shows: counts only, never who. */
export type ReferralCard = {
  code: string;
  url: string;
  firstName: string | null;
  showFirstNameOnShare: boolean;
  leaderboardName: string | null;
  isOnLeaderboard: boolean;
  /** Some invitees are flagged for review (the person themself never is). */
  isFlagged: boolean;
  visits: number;
  verified: number;
  objected: number;
  friendsOfFriends: number;
  milestones: Milestone[];
  nextMilestone: Milestone | null;
};

/** The pledge columns the card is built from. */
export type ReferrerPledge = {
  id: string;
  verifiedAt: Date | null;
  referralCode: string;
  firstName: string | null;
  showFirstNameOnShare: boolean;
  leaderboardName: string | null;
  leaderboardOptInAt: Date | null;
};

type CountRow = {
  verified: bigint;
  objected: bigint;
  friends_of_friends: bigint;
  visits: bigint;
  flagged: bigint;
};

/**
 * The card of the person `userId` (resolved from their session by the caller) in the
 * campaign (the running one unless given), or null when they have no verified pledge
 * in it. Every count is scoped by that pledge's id, found first from their user id.
 */
export async function getReferralCard(
  userId: string,
  campaignId: string = campaign().id,
  /** The person's pledge in this campaign, when the caller read it already (the dashboard). */
  known?: ReferrerPledge,
): Promise<ReferralCard | null> {
  const own =
    known ??
    (await db.pledge.findUnique({
      where: { userId_campaignId: { userId, campaignId } },
      select: {
        id: true,
        verifiedAt: true,
        referralCode: true,
        firstName: true,
        showFirstNameOnShare: true,
        leaderboardName: true,
        leaderboardOptInAt: true,
      },
    }));
  if (!own?.verifiedAt) return null;

  // Only verified invitees count: an unverified pledge may be a stranger's address
  // posted through this person's link, and counting it would tell them whether that
  // address had pledged already. "objected" means at least one
  // objection recorded (submitted or confirmed); friends of friends are verified
  // pledges invited by this person's invitees (never this person themself).
  const [row] = await db.$queryRaw<CountRow[]>`
    SELECT
      (SELECT count(*) FROM pledges i WHERE i.referred_by_id = ${own.id} AND i.verified_at IS NOT NULL) AS verified,
      (SELECT count(*) FROM pledges i
         WHERE i.referred_by_id = ${own.id} AND i.verified_at IS NOT NULL
           AND EXISTS (SELECT 1 FROM submissions s
                       WHERE s.user_id = i.user_id AND s.campaign_id = i.campaign_id
                         AND s.status IN ('SUBMITTED', 'CONFIRMED'))) AS objected,
      (SELECT count(*) FROM pledges f JOIN pledges i ON i.id = f.referred_by_id
         WHERE i.referred_by_id = ${own.id} AND f.verified_at IS NOT NULL AND f.id <> ${own.id}) AS friends_of_friends,
      (SELECT coalesce(sum(v.visits), 0) FROM referral_visits v WHERE v.pledge_id = ${own.id}) AS visits,
      (SELECT count(*) FROM pledges i
         WHERE i.referred_by_id = ${own.id} AND i.referral_flagged_at IS NOT NULL) AS flagged`;
  const count = (value: bigint | undefined) => Number(value ?? 0);
  const verified = count(row?.verified);
  return {
    code: own.referralCode,
    url: referralUrl(env().APP_URL, own.referralCode),
    firstName: own.firstName,
    showFirstNameOnShare: own.showFirstNameOnShare,
    leaderboardName: own.leaderboardName,
    isOnLeaderboard: own.leaderboardOptInAt !== null && own.leaderboardName !== null,
    isFlagged: count(row?.flagged) > 0,
    visits: count(row?.visits),
    verified,
    objected: count(row?.objected),
    friendsOfFriends: count(row?.friends_of_friends),
    milestones: milestonesReached(verified),
    nextMilestone: nextMilestone(verified),
  };
}
