import "server-only";
import { campaign, campaignDay } from "@/lib/campaign";
import { db } from "@/lib/db";

/**
 * Counts a visit to a personal link in an aggregate per day (no IP, no cookie, no
 * user agent). Returns false when no pledge has this code.
 */
export async function recordReferralVisit(code: string, now: Date): Promise<boolean> {
  const day = campaignDay(campaign(), now);
  const rows = await db.$executeRaw`
    INSERT INTO referral_visits (pledge_id, day, visits)
    SELECT id, ${day}::date, 1 FROM pledges WHERE referral_code = ${code}
    ON CONFLICT (pledge_id, day) DO UPDATE SET visits = referral_visits.visits + 1`;
  return rows > 0;
}
