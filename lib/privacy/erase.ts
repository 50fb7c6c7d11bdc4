import "server-only";
import { db, type Tx } from "@/lib/db";
import { hashEmail } from "@/lib/mail";
import { applyStatDeltaForErasure } from "@/lib/stats/erasure";

export type ErasureResult = {
  verificationTokens: number;
  outboxEmails: number;
  rateLimits: number;
};

/**
 * The account itself, inside `tx`, once the counters are taken back: the user row and,
 * through the foreign keys, everything keyed by its id; by hand, the rows keyed by the
 * address: magic links, mail addressed to it, its sign-in rate limit.
 */
async function deleteAccount(tx: Tx, userId: string, email: string): Promise<ErasureResult> {
  const address = { equals: email, mode: "insensitive" as const };
  const tokens = await tx.verificationToken.deleteMany({ where: { identifier: address } });
  const outbox = await tx.outboxEmail.deleteMany({ where: { to: address } });
  const limits = await tx.rateLimit.deleteMany({ where: { key: `signInPerEmail:${hashEmail(email)}` } });
  await tx.user.delete({ where: { id: userId } });
  return { verificationTokens: tokens.count, outboxEmails: outbox.count, rateLimits: limits.count };
}

/**
 * Erases a person at once, in one transaction: the user row and, through the foreign
 * keys, their sessions, accounts, pledges of every campaign (with their referral codes
 * and visit counts), submissions, reminder deliveries and (for an organiser) their
 * entries in the organiser audit log; link reports keep the
 * anonymous report (user_id set null), invitees keep their pledge (referred_by_id set
 * null). Rows keyed by the address rather than the id go by hand: magic links, mail
 * addressed to them, their sign-in rate limit. Aggregate counters are decremented
 * first, in the same transaction. The suppression hash (email_suppressions) stays on
 * purpose: it keeps an unsubscribed or bounced address from being mailed again,
 * without the address. Returns null when there is no such person (already erased).
 */
export async function eraseUser(userId: string): Promise<ErasureResult | null> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return null;
    await applyStatDeltaForErasure(tx, userId);
    return deleteAccount(tx, userId, user.email);
  });
}

export type CampaignErasureResult = {
  /** Nothing of another campaign was left, so the account went too (as eraseUser). */
  isAccountErased: boolean;
};

/**
 * Erases what a person has in one campaign, in one transaction: their pledge there
 * (with its referral code and visit counts; invitees keep their pledge, no longer
 * referred), their submissions and reminder deliveries of it; their link reports of it
 * stay as anonymous reports. That campaign's counters go down first. When no other
 * campaign's pledge, submission or reminder is left, the account goes too, exactly as
 * eraseUser erases it. Returns null when there is no such person.
 */
export async function eraseCampaignData(
  userId: string,
  campaignId: string,
): Promise<CampaignErasureResult | null> {
  return db.$transaction(async (tx) => {
    // Locked: two erasures of the same person (two campaigns, two runs) take turns, so
    // the last one sees what the other left and decides about the account alone.
    const [user] = await tx.$queryRaw<{ email: string }[]>`
      SELECT email FROM users WHERE id = ${userId} FOR UPDATE`;
    if (!user) return null;
    await applyStatDeltaForErasure(tx, userId, { campaignId });
    // One statement (retention erases people one by one, so round trips add up). Its
    // parts all see the rows as they were before it, hence "<>" to count what is left.
    const [left] = await tx.$queryRaw<{ kept: bigint }[]>`
      WITH pledges_erased AS (
             DELETE FROM pledges WHERE user_id = ${userId} AND campaign_id = ${campaignId}),
           submissions_erased AS (
             DELETE FROM submissions WHERE user_id = ${userId} AND campaign_id = ${campaignId}),
           deliveries_erased AS (
             DELETE FROM reminder_deliveries WHERE user_id = ${userId} AND campaign_id = ${campaignId}),
           reports_anonymised AS (
             UPDATE link_reports SET user_id = NULL WHERE user_id = ${userId} AND campaign_id = ${campaignId})
      SELECT (SELECT count(*) FROM pledges WHERE user_id = ${userId} AND campaign_id <> ${campaignId})
           + (SELECT count(*) FROM submissions WHERE user_id = ${userId} AND campaign_id <> ${campaignId})
           + (SELECT count(*) FROM reminder_deliveries WHERE user_id = ${userId} AND campaign_id <> ${campaignId})
             AS kept`;
    if (Number(left?.kept ?? 0) > 0) return { isAccountErased: false };
    await deleteAccount(tx, userId, user.email);
    return { isAccountErased: true };
  });
}
