import "server-only";
import { db } from "@/lib/db";

/**
 * Every column of the signed-in person's own pledge that their dashboard shows: one
 * read that the page hands to each card (tracker, reminders, invitations), instead of
 * one read per card. Scoped by their user id, resolved first.
 */
export const OWN_PLEDGE_SELECT = {
  id: true,
  firstName: true,
  country: true,
  platforms: true,
  locale: true,
  remindersConsent: true,
  unsubscribedAt: true,
  verifiedAt: true,
  referralCode: true,
  createdAt: true,
  accountsLinked: true,
  questionnaireAt: true,
  finishedAt: true,
  showFirstNameOnShare: true,
  leaderboardName: true,
  leaderboardOptInAt: true,
} as const;

export type OwnPledge = NonNullable<Awaited<ReturnType<typeof getOwnPledge>>>;

/** The signed-in person's own pledge in the campaign, or null. */
export async function getOwnPledge(userId: string, campaignId: string) {
  return db.pledge.findUnique({
    where: { userId_campaignId: { userId, campaignId } },
    select: OWN_PLEDGE_SELECT,
  });
}
