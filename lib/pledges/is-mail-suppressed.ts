import "server-only";
import { hashEmail, suppressionsByHash } from "@/lib/mail/suppression";
import { canonicalEmail } from "@/lib/rate-limit/canonical-email";

/**
 * Whether mail to `email` (as typed, or in its canonical form) bounced or was marked
 * as spam: such an address gets no sign-in or pledge mail at all, since nobody can
 * take it, or its owner said they do not want it. Having unsubscribed from reminders
 * does not count: that person must still be able to sign in.
 */
export async function isMailSuppressed(email: string): Promise<boolean> {
  const found = await suppressionsByHash([hashEmail(email), hashEmail(canonicalEmail(email))]);
  return [...found.values()].some((reason) => reason === "BOUNCE" || reason === "COMPLAINT");
}
