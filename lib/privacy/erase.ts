import "server-only";
import { db } from "@/lib/db";
import { hashEmail } from "@/lib/mail";
import { applyStatDeltaForErasure } from "@/lib/stats/erasure";

export type ErasureResult = {
  verificationTokens: number;
  outboxEmails: number;
  rateLimits: number;
};

/**
 * Erases a person at once, in one transaction: the user row and, through the foreign
 * keys, their sessions, accounts, pledge (with its referral code and visit counts),
 * submissions and reminder deliveries; link reports keep the anonymous report
 * (user_id set null), invitees keep their pledge (referred_by_id set null). Rows keyed
 * by the address rather than the id go by hand: magic links, mail addressed to them,
 * their sign-in rate limit. Aggregate counters are decremented first, in the same
 * transaction. The suppression hash (email_suppressions) stays on purpose: it keeps
 * an unsubscribed or bounced address from being mailed again, without the address.
 * Returns null when there is no such person (already erased).
 */
export async function eraseUser(userId: string): Promise<ErasureResult | null> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return null;
    await applyStatDeltaForErasure(tx, userId);
    const address = { equals: user.email, mode: "insensitive" as const };
    const tokens = await tx.verificationToken.deleteMany({ where: { identifier: address } });
    const outbox = await tx.outboxEmail.deleteMany({ where: { to: address } });
    const limits = await tx.rateLimit.deleteMany({
      where: { key: `signInPerEmail:${hashEmail(user.email)}` },
    });
    await tx.user.delete({ where: { id: userId } });
    return { verificationTokens: tokens.count, outboxEmails: outbox.count, rateLimits: limits.count };
  });
}
