import "server-only";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";

/**
 * The running campaign's pledge made with `email` that no link has confirmed yet, if
 * any: a link mailed to that address confirms the pledge, so it is worded as the
 * pledge's confirmation. One query whatever the answer.
 */
export async function findPendingPledge(email: string): Promise<{ firstName: string | null } | null> {
  return db.pledge.findFirst({
    where: { campaignId: campaign().id, verifiedAt: null, user: { email } },
    select: { firstName: true },
  });
}
