import "server-only";
import { type Campaign, campaignDay, campaign as currentCampaign } from "@/lib/campaign";
import { db } from "@/lib/db";

/**
 * Counts a visit to a personal link in an aggregate per day (no IP, no cookie, no
 * user agent). A link shared in an earlier campaign counts for its owner's pledge in
 * the campaign (the running one unless given) when they have one, as the sign-up it
 * leads to does (lib/pledges/create-pledge.ts). Returns false when no pledge has this code.
 */
export async function recordReferralVisit(
  code: string,
  now: Date,
  campaign: Campaign = currentCampaign(),
): Promise<boolean> {
  const day = campaignDay(campaign, now);
  const rows = await db.$executeRaw`
    INSERT INTO referral_visits (pledge_id, day, visits)
    SELECT coalesce(running.id, shared.id), ${day}::date, 1
    FROM pledges shared
    LEFT JOIN pledges running ON running.user_id = shared.user_id AND running.campaign_id = ${campaign.id}
    WHERE shared.referral_code = ${code}
    ON CONFLICT (pledge_id, day) DO UPDATE SET visits = referral_visits.visits + 1`;
  return rows > 0;
}
