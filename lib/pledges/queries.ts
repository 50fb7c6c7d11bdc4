import "server-only";
import { db } from "@/lib/db";

/** The signed-in person's own pledge (scoped by their user id, resolved first). */
export async function getOwnPledge(userId: string) {
  return db.pledge.findUnique({
    where: { userId },
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
