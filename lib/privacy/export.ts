import "server-only";
import { db } from "@/lib/db";
import { hashEmail } from "@/lib/mail";

// "Download my data": every row the database holds about one person, as one JSON
// document. Secrets that would let someone act as the person (session tokens, the
// hashed magic-link tokens, OAuth tokens, mail bodies that may hold a live sign-in
// link) are listed without their value; the privacy policy says so.

// @2: one pledge per campaign ("pledges"), referral visits named by their pledge.
// @3: a submission's account is named by "accountIdentifier" (was "accountEmail"): a
// phone number for WhatsApp.
export const EXPORT_FORMAT = "object-to-ai-training/personal-data-export@3";

export type PersonalDataExport = Awaited<ReturnType<typeof collect>>;

const NOT_EXPORTED = "[secret: stored, not exported]";

async function collect(userId: string, now: Date) {
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: {
          id: true,
          name: true,
          email: true,
          emailVerified: true,
          image: true,
          createdAt: true,
          updatedAt: true,
        },
      });
      if (!user) return null;
      const address = { equals: user.email, mode: "insensitive" as const };
      const emailHash = hashEmail(user.email);
      const [
        accounts,
        sessions,
        tokens,
        pledges,
        submissions,
        deliveries,
        linkReports,
        outbox,
        suppression,
        limits,
        auditEntries,
      ] = await Promise.all([
        tx.account.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
        tx.session.findMany({
          where: { userId },
          select: { userId: true, expires: true, createdAt: true, updatedAt: true },
          orderBy: { createdAt: "asc" },
        }),
        tx.verificationToken.findMany({
          where: { identifier: address },
          select: { identifier: true, expires: true },
        }),
        tx.pledge.findMany({
          where: { userId },
          include: {
            referralVisits: { select: { pledgeId: true, day: true, visits: true }, orderBy: { day: "asc" } },
            _count: { select: { referrals: true } },
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
        tx.submission.findMany({
          where: { userId },
          orderBy: [{ campaignId: "asc" }, { platform: "asc" }, { accountIndex: "asc" }],
        }),
        tx.reminderDelivery.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
        tx.linkReport.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
        tx.outboxEmail.findMany({
          where: { to: address },
          omit: { html: true, text: true, headers: true },
          orderBy: { createdAt: "asc" },
        }),
        tx.emailSuppression.findUnique({ where: { emailHash } }),
        tx.rateLimit.findMany({ where: { key: `signInPerEmail:${emailHash}` } }),
        // An organiser's own actions in the console (empty for everyone else).
        tx.organiserAuditEntry.findMany({
          where: { userId },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
      ]);
      return {
        format: EXPORT_FORMAT,
        exportedAt: now.toISOString(),
        user,
        accounts: accounts.map((account) => ({
          ...account,
          refresh_token: account.refresh_token === null ? null : NOT_EXPORTED,
          access_token: account.access_token === null ? null : NOT_EXPORTED,
          id_token: account.id_token === null ? null : NOT_EXPORTED,
        })),
        sessions: sessions.map((session) => ({ ...session, sessionToken: NOT_EXPORTED })),
        verificationTokens: tokens.map((token) => ({ ...token, token: NOT_EXPORTED })),
        // Oldest campaign first.
        pledges: pledges.map(({ referralVisits: _visits, _count, ...pledge }) => ({
          ...pledge,
          invitedPeople: _count.referrals,
        })),
        referralVisits: pledges.flatMap((pledge) => pledge.referralVisits),
        submissions,
        reminderDeliveries: deliveries,
        linkReports,
        outboxEmails: outbox.map((email) => ({
          ...email,
          // A sign-in link waiting to be rendered: as secret as the body.
          templateData: email.templateData === null ? null : NOT_EXPORTED,
          body: NOT_EXPORTED,
        })),
        emailSuppression: suppression,
        rateLimits: limits.map((limit) => ({
          ...limit,
          expire: limit.expire === null ? null : Number(limit.expire),
        })),
        organiserAuditEntries: auditEntries,
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

/** Everything stored about `userId`, or null when there is no such person. */
export async function exportPersonalData(
  userId: string,
  options: { now?: Date } = {},
): Promise<PersonalDataExport> {
  return collect(userId, options.now ?? new Date());
}

/** The export as a pretty-printed JSON string (dates as ISO strings). */
export function serializeExport(
  data: NonNullable<PersonalDataExport>,
  documentation: Record<string, string>,
): string {
  return JSON.stringify({ ...data, documentation }, null, 2);
}

/** A download file name without personal data. */
export function exportFileName(now: Date): string {
  return `my-data-${now.toISOString().slice(0, 10)}.json`;
}
