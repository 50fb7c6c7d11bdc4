import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { findPendingPledge } from "./find-pending-pledge";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * What sending a sign-in link costs (Auth.js looks the person up, checks their
 * pledge, stores a hashed token while the email is queued; the outbox drain renders
 * it later), done for an address that gets no link, so that the sign-in form does the
 * same work either way: the same reads, as many writes, one transaction.
 * The stand-in token is named by a hash, never the address, is unusable (nobody knows
 * its secret) and is gone when the transaction commits.
 */
export async function rehearseSignIn(email: string, _locale: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email } });
  await db.pledge.findUnique({
    where: { userId_campaignId: { userId: user?.id ?? randomUUID(), campaignId: campaign().id } },
    select: { id: true },
  });
  // The real link looks for a pledge to confirm before wording its email.
  await findPendingPledge(email);
  const identifier = `rehearsal:${sha256(email)}`;
  const token = sha256(randomBytes(32).toString("hex"));
  // Two writes in a transaction, as the real link costs (queued email, stored token).
  await db.$transaction(async (tx) => {
    await tx.verificationToken.create({
      data: { identifier, token, expires: new Date(Date.now() + 60_000) },
    });
    await tx.verificationToken.deleteMany({ where: { identifier, token } });
  });
}
