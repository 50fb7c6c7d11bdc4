import "server-only";
import { campaign } from "@/lib/campaign";
import { db, Prisma, type Tx } from "@/lib/db";
import { requestNetworkHash } from "@/lib/referrals/network";
import { applyStatDelta } from "@/lib/stats/counters";
import { newReferralCode, REFERRAL_CODE_PATTERN } from "./referral-code";
import type { PledgeInput } from "./schema";

export type SavedPledge = { userId: string; pledgeId: string; created: boolean; verified: boolean };

/** The referrer's pledge id for `code`, unless unknown, malformed or the person themself. */
async function referrerFor(tx: Tx, code: string | undefined, userId: string): Promise<string | null> {
  if (!code || !REFERRAL_CODE_PATTERN.test(code)) return null;
  const referrer = await tx.pledge.findUnique({
    where: { referralCode: code },
    select: { id: true, userId: true },
  });
  return referrer && referrer.userId !== userId ? referrer.id : null;
}

type SaveContext = {
  referralCode?: string;
  consentText: string;
  now: Date;
  signupNetworkHash?: string | null;
};

async function save(input: PledgeInput, context: SaveContext): Promise<SavedPledge> {
  const campaignId = campaign().id;
  return db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email },
      update: {},
      select: { id: true },
    });
    const consent = input.remindersConsent
      ? { remindersConsent: true, remindersConsentAt: context.now, remindersConsentText: context.consentText }
      : { remindersConsent: false, remindersConsentAt: null, remindersConsentText: null };
    const existing = await tx.pledge.findUnique({
      where: { userId: user.id },
      select: { id: true, verifiedAt: true, referredById: true },
    });

    if (!existing) {
      const referredById = await referrerFor(tx, context.referralCode, user.id);
      const pledge = await tx.pledge.create({
        data: {
          userId: user.id,
          campaignId,
          firstName: input.firstName ?? null,
          country: input.country,
          platforms: input.platforms,
          locale: input.locale,
          ...consent,
          referralCode: newReferralCode(),
          referredById,
          // Kept only for invitees, whose bursts it reveals (lib/referrals/fraud.ts).
          signupNetworkHash: referredById ? (context.signupNetworkHash ?? null) : null,
        },
        select: { id: true },
      });
      await applyStatDelta(tx, campaignId, { pledges: 1 });
      return { userId: user.id, pledgeId: pledge.id, created: true, verified: false };
    }

    // A verified pledge is only changed by its signed-in owner, never by a form
    // anyone can send with the address: pledging again just sends a fresh link.
    if (existing.verifiedAt)
      return { userId: user.id, pledgeId: existing.id, created: false, verified: true };

    const referredById = existing.referredById ?? (await referrerFor(tx, context.referralCode, user.id));
    await tx.pledge.update({
      where: { id: existing.id },
      data: {
        firstName: input.firstName ?? null,
        country: input.country,
        platforms: input.platforms,
        locale: input.locale,
        ...consent,
        referredById,
        signupNetworkHash: referredById ? (context.signupNetworkHash ?? null) : null,
      },
    });
    return { userId: user.id, pledgeId: existing.id, created: false, verified: false };
  });
}

/**
 * Records a pledge (unverified until the magic link is clicked), or refreshes an
 * unverified one: submitting twice creates nothing twice.
 */
export async function savePledge(input: PledgeInput, saveContext: SaveContext): Promise<SavedPledge> {
  const signupNetworkHash =
    saveContext.signupNetworkHash === undefined ? await requestNetworkHash() : saveContext.signupNetworkHash;
  const context = { ...saveContext, signupNetworkHash };
  try {
    return await save(input, context);
  } catch (error) {
    // Two submissions for one new address raced on the unique keys: the other one
    // created the rows, so this one takes the "already exists" path.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return save(input, context);
    }
    throw error;
  }
}
