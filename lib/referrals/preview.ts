import "server-only";
import { db } from "@/lib/db";
import { REFERRAL_CODE_PATTERN } from "@/lib/pledges/referral-code";

/** What a shared link may say about its owner: a first name only if they opted in. */
export type ReferralPreview = { code: string; firstName: string | null; locale: string };

export async function getReferralPreview(code: string): Promise<ReferralPreview | null> {
  if (!REFERRAL_CODE_PATTERN.test(code)) return null;
  const pledge = await db.pledge.findUnique({
    where: { referralCode: code },
    select: { referralCode: true, firstName: true, showFirstNameOnShare: true, locale: true },
  });
  if (!pledge) return null;
  return {
    code: pledge.referralCode,
    firstName: pledge.showFirstNameOnShare ? pledge.firstName : null,
    locale: pledge.locale,
  };
}
