import "server-only";
import { type Campaign, campaign as currentCampaign } from "@/lib/campaign";
import { recordCampaign } from "@/lib/campaign/record";
import { db, Prisma, type Tx } from "@/lib/db";
import { requestNetworkHash } from "@/lib/referrals/network";
import { applyStatDelta } from "@/lib/stats/counters";
import { newReferralCode, REFERRAL_CODE_PATTERN } from "./referral-code";
import type { PledgeInput } from "./schema";

export type SavedPledge = { userId: string; pledgeId: string; created: boolean; verified: boolean };

/**
 * The referrer's pledge in `campaignId` for `code`, unless unknown, malformed or the
 * person themself. A code shared in an earlier campaign still credits its owner, through
 * their pledge in this one (none: no referrer), so a referral never crosses campaigns.
 */
async function referrerFor(
  tx: Tx,
  code: string | undefined,
  userId: string,
  campaignId: string,
): Promise<string | null> {
  if (!code || !REFERRAL_CODE_PATTERN.test(code)) return null;
  const owner = await tx.pledge.findUnique({ where: { referralCode: code }, select: { userId: true } });
  if (!owner || owner.userId === userId) return null;
  const referrer = await tx.pledge.findUnique({
    where: { userId_campaignId: { userId: owner.userId, campaignId } },
    select: { id: true },
  });
  return referrer?.id ?? null;
}

type SaveContext = {
  referralCode?: string;
  consentText: string;
  now: Date;
  signupNetworkHash?: string | null;
  /** The campaign pledged for; the running one unless given (tests, scripts). */
  campaign?: Campaign;
};

async function save(input: PledgeInput, context: SaveContext, campaignId: string): Promise<SavedPledge> {
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
      where: { userId_campaignId: { userId: user.id, campaignId } },
      select: { id: true, verifiedAt: true },
    });

    if (!existing) {
      const referredById = await referrerFor(tx, context.referralCode, user.id, campaignId);
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

    // An existing pledge, verified or not, is only changed by its signed-in owner,
    // never by a form anyone can send with the address (that would rewrite someone
    // else's name, country or recorded consent): pledging again just sends a fresh link.
    return { userId: user.id, pledgeId: existing.id, created: false, verified: existing.verifiedAt !== null };
  });
}

/**
 * Records the person's pledge for the campaign (unverified until the magic link is
 * clicked); an existing one is left as it is: submitting twice creates nothing twice.
 * A pledge in an earlier campaign is left as it is: this campaign gets its own.
 */
export async function savePledge(input: PledgeInput, saveContext: SaveContext): Promise<SavedPledge> {
  const signupNetworkHash =
    saveContext.signupNetworkHash === undefined ? await requestNetworkHash() : saveContext.signupNetworkHash;
  const context = { ...saveContext, signupNetworkHash };
  const campaign = saveContext.campaign ?? currentCampaign();
  // Before any of its personal data exists, so that retention knows its cutoff.
  await recordCampaign(campaign);
  try {
    return await save(input, context, campaign.id);
  } catch (error) {
    // Two submissions for one new address raced on the unique keys: the other one
    // created the rows, so this one takes the "already exists" path.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return save(input, context, campaign.id);
    }
    throw error;
  }
}
