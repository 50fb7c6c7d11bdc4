import "server-only";
import { type Campaign, campaignDay, campaign as currentCampaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { checkReferralFraud } from "@/lib/referrals/fraud";
import { applyStatDelta } from "@/lib/stats/counters";

export type VerifiedPledge = { id: string; locale: string; firstName: string | null };

/**
 * The double opt-in: the first sign-in through a mailed link verifies the person's
 * pledge for the campaign (the running one unless given), moves the public counters and
 * attributes the referral, all in one transaction. Later sign-ins change nothing
 * (returns null), and a pledge in another campaign is never touched.
 */
export async function markPledgeVerified(
  userId: string,
  now: Date,
  campaign: Campaign = currentCampaign(),
): Promise<VerifiedPledge | null> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      {
        id: string;
        campaign_id: string;
        country: string;
        referred_by_id: string | null;
        locale: string;
        first_name: string | null;
      }[]
    >`
      UPDATE pledges SET verified_at = ${now}, updated_at = ${now}
      WHERE user_id = ${userId} AND campaign_id = ${campaign.id} AND verified_at IS NULL
      RETURNING id, campaign_id, country, referred_by_id, locale, first_name`;
    const pledge = rows[0];
    if (!pledge) return null;
    await applyStatDelta(tx, pledge.campaign_id, {
      verified: 1,
      [`country:${pledge.country}`]: 1,
      [`day:${campaignDay(campaign, now)}`]: 1,
      referred: pledge.referred_by_id ? 1 : 0,
    });
    await checkReferralFraud(tx, { id: pledge.id, referredById: pledge.referred_by_id }, now);
    return { id: pledge.id, locale: pledge.locale, firstName: pledge.first_name };
  });
}
