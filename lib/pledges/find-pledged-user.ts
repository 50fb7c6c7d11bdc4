import "server-only";
import { db } from "@/lib/db";
import { isMailSuppressed } from "./is-mail-suppressed";

/**
 * The person a sign-in link for `email` goes to: whoever pledged with it in any
 * campaign (as lib/auth's signIn callback requires), or an organiser (`isOrganiser`,
 * who may not have pledged: userId is then null), unless mail to it bounced or was
 * marked as spam. The same two queries run whatever the answer.
 */
export async function findPledgedUser(
  email: string,
  { isOrganiser = false }: { isOrganiser?: boolean } = {},
): Promise<{ userId: string | null } | null> {
  // One statement whether or not the person exists (a nested select would skip its
  // second query for an unknown address, and so tell it apart).
  const [pledge, isSuppressed] = await Promise.all([
    db.pledge.findFirst({ where: { user: { email } }, select: { userId: true } }),
    isMailSuppressed(email),
  ]);
  if (isSuppressed) return null;
  if (pledge) return { userId: pledge.userId };
  return isOrganiser ? { userId: null } : null;
}
