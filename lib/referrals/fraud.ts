import "server-only";
import type { Tx } from "@/lib/db";
import {
  FLAG_REASONS,
  type FlagReason,
  NETWORK_BURST_COUNT,
  NETWORK_BURST_WINDOW_MS,
  similarAddressGroups,
} from "./rules";

// Flag, never block: a flagged pledge still counts for the campaign and on its
// referrer's card, but neither it nor a flagged referrer appears on the leaderboard.
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
      await flag(tx, [...burst.map((p) => p.id), referrerId], FLAG_REASONS.networkBurst, now);
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
    await flag(tx, [...ids, referrerId], FLAG_REASONS.similarAddresses, now);
    reasons.push(FLAG_REASONS.similarAddresses);
  }
  return reasons;
}
