import "server-only";
import { db, type Tx } from "@/lib/db";
import {
  FLAG_REASONS,
  type FlagReason,
  NETWORK_BURST_COUNT,
  NETWORK_BURST_WINDOW_MS,
  similarAddressGroups,
} from "./rules";

// Flag, never block: a flagged pledge still counts for the campaign and on its
// referrer's card, but not on the leaderboard. Only the suspicious invitees are
// flagged, never the referrer: anyone can sign up me+1@, me+2@, me+3@ through
// someone else's link, and that must not knock that person off the leaderboard.
// A person reviews the flags (npm run referral-flags; approving counts them again).
// Thresholds and their reasons are in ./rules.ts.

async function flag(tx: Tx, pledgeIds: string[], reason: FlagReason, now: Date): Promise<void> {
  if (pledgeIds.length === 0) return;
  // The first reason is kept: it is what a reviewer should look at first.
  await tx.pledge.updateMany({
    where: { id: { in: pledgeIds }, referralFlaggedAt: null },
    data: { referralFlaggedAt: now, referralFlagReason: reason },
  });
}

/**
 * Runs when `pledgeId` is verified, inside the verifying transaction. Looks only at
 * the verified invitees of the same referrer (only verified pledges count).
 * Returns the reasons that fired, for the caller's logs and the tests.
 */
export async function checkReferralFraud(
  tx: Tx,
  pledge: { id: string; referredById: string | null },
  now: Date,
): Promise<FlagReason[]> {
  const referrerId = pledge.referredById;
  if (!referrerId) return [];
  const reasons: FlagReason[] = [];

  const self = await tx.pledge.findUnique({ where: { id: pledge.id }, select: { signupNetworkHash: true } });
  if (self?.signupNetworkHash) {
    const burst = await tx.pledge.findMany({
      where: {
        referredById: referrerId,
        signupNetworkHash: self.signupNetworkHash,
        verifiedAt: { gte: new Date(now.getTime() - NETWORK_BURST_WINDOW_MS), lte: now },
      },
      select: { id: true },
    });
    if (burst.length >= NETWORK_BURST_COUNT) {
      await flag(
        tx,
        burst.map((p) => p.id),
        FLAG_REASONS.networkBurst,
        now,
      );
      reasons.push(FLAG_REASONS.networkBurst);
    }
  }

  const invitees = await tx.pledge.findMany({
    where: { referredById: referrerId, verifiedAt: { not: null } },
    select: { id: true, user: { select: { email: true } } },
  });
  const groups = similarAddressGroups(invitees.map((p) => p.user.email));
  if (groups.size > 0) {
    const emails = new Set([...groups.values()].flat());
    const ids = invitees.filter((p) => emails.has(p.user.email)).map((p) => p.id);
    await flag(tx, ids, FLAG_REASONS.similarAddresses, now);
    reasons.push(FLAG_REASONS.similarAddresses);
  }
  return reasons;
}

export type FlaggedReferrer = { referrerPledgeId: string; flagged: number; reasons: string[]; since: Date };

/** Referrers with flagged invitees in `campaignId` not reviewed yet: counts and reasons only. */
export async function listFlaggedReferrals(campaignId: string): Promise<FlaggedReferrer[]> {
  const rows = await db.$queryRaw<{ referrer: string; flagged: bigint; reasons: string[]; since: Date }[]>`
    SELECT i.referred_by_id AS referrer, count(*) AS flagged,
           array_agg(DISTINCT i.referral_flag_reason) AS reasons, min(i.referral_flagged_at) AS since
    FROM pledges i
    WHERE i.campaign_id = ${campaignId} AND i.referral_flagged_at IS NOT NULL AND i.referred_by_id IS NOT NULL
      AND i.referral_flag_reviewed_at IS NULL
    GROUP BY i.referred_by_id
    ORDER BY since ASC`;
  return rows.map((row) => ({
    referrerPledgeId: row.referrer,
    flagged: Number(row.flagged),
    reasons: row.reasons,
    since: row.since,
  }));
}

/** A reviewer found the invitees of `referrerPledgeId` genuine: they count again. */
export async function approveFlaggedReferrals(referrerPledgeId: string): Promise<number> {
  const { count } = await db.pledge.updateMany({
    where: { referredById: referrerPledgeId, referralFlaggedAt: { not: null } },
    data: { referralFlaggedAt: null, referralFlagReason: null, referralFlagReviewedAt: null },
  });
  return count;
}

/** A reviewer kept the flags of `referrerPledgeId`'s invitees: still not counted, no longer listed. */
export async function dismissFlaggedReferrals(referrerPledgeId: string, now: Date): Promise<number> {
  const { count } = await db.pledge.updateMany({
    where: { referredById: referrerPledgeId, referralFlaggedAt: { not: null }, referralFlagReviewedAt: null },
    data: { referralFlagReviewedAt: now },
  });
  return count;
}
