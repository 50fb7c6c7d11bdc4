import "server-only";
import { db } from "@/lib/db";

/** The signed-in person's own pledge in the campaign (scoped by their user id, resolved first). */
export async function getOwnPledge(userId: string, campaignId: string) {
  return db.pledge.findUnique({
    where: { userId_campaignId: { userId, campaignId } },
    select: {
      id: true,
      firstName: true,
      country: true,
      platforms: true,
      locale: true,
      remindersConsent: true,
      verifiedAt: true,
      referralCode: true,
      createdAt: true,
    },
  });
}
