import "server-only";
import { randomUUID } from "node:crypto";
import { newMagicLink } from "@/lib/auth/magic-link";
import { type Campaign, campaign as currentCampaign, localized } from "@/lib/campaign";
import { recordCampaign } from "@/lib/campaign/record";
import { db, Prisma } from "@/lib/db";
import { kickOutbox } from "@/lib/mail/kick";
import { queueEmailStatement } from "@/lib/mail/outbox";
import { signInEmail } from "@/lib/mail/send";
import { hashEmail } from "@/lib/mail/suppression";
import { canonicalEmail } from "@/lib/rate-limit/canonical-email";
import { requestNetworkHash } from "@/lib/referrals/network";
import { statDeltaStatement } from "@/lib/stats/counters";
import { newReferralCode, REFERRAL_CODE_PATTERN } from "./referral-code";
import type { PledgeInput } from "./schema";

export type SavedPledge = { userId: string; pledgeId: string; created: boolean; verified: boolean };

type SaveContext = {
  referralCode?: string;
  consentText: string;
  now: Date;
  signupNetworkHash?: string | null;
  /** The campaign pledged for; the running one unless given (tests, scripts). */
  campaign?: Campaign;
};

type SignInOptions = {
  /** Where the mailed link signs the person in to. */
  redirectTo: string;
};

const newId = () => `c${randomUUID().replaceAll("-", "")}`;
const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * One statement (so one short transaction, one round trip): the user, the pledge
 * unless the person has one in this campaign, its counter, and with `signIn` the
 * Auth.js token and the queued sign-in email; with `signIn` nothing at all when mail
 * to the address bounced or was marked as spam (../mail/suppression.ts). Unique keys
 * settle races: a second submission for the same new address finds the first one's
 * user (ON CONFLICT ... DO UPDATE waits for it and returns it) and pledge.
 *
 * The referrer is the pledge in this campaign of whoever owns `referralCode`, unless
 * unknown, malformed or the person themself: a code shared in an earlier campaign
 * still credits its owner, through their pledge in this one, so a referral never
 * crosses campaigns. An existing pledge, verified or not, is only changed by its
 * signed-in owner, never by a form anyone can send with the address (that would
 * rewrite someone else's name, country or recorded consent): pledging again just
 * sends a fresh link.
 */
async function save(
  input: PledgeInput,
  context: SaveContext & { signupNetworkHash: string | null },
  campaign: Campaign,
  signIn: SignInOptions | null,
): Promise<SavedPledge | null> {
  const { now } = context;
  const campaignId = campaign.id;
  // Rows are stamped by the clock, as Prisma stamps them; `now` is the consent's time.
  const stamp = new Date();
  const code =
    context.referralCode && REFERRAL_CODE_PATTERN.test(context.referralCode) ? context.referralCode : null;
  const consent = input.remindersConsent;
  const guard = signIn
    ? Prisma.sql`SELECT 1 AS one WHERE NOT EXISTS (
        SELECT 1 FROM email_suppressions
        WHERE email_hash = ANY(${[hashEmail(input.email), hashEmail(canonicalEmail(input.email))]}::text[])
          AND reason IN ('BOUNCE', 'COMPLAINT'))`
    : Prisma.sql`SELECT 1 AS one`;
  const counted = statDeltaStatement(campaignId, { pledges: 1 }, Prisma.sql`inserted`);
  const link = signIn ? newMagicLink(input.email, signIn.redirectTo, stamp) : null;
  const linkWrites = link
    ? Prisma.sql`,
      token AS (
        INSERT INTO verification_tokens (identifier, token, expires)
        SELECT ${link.identifier}, ${link.hashedToken}, ${utc(link.expires)} FROM u
      ),
      mail AS (${queueEmailStatement(
        signInEmail({
          to: input.email,
          url: link.pledgeUrl,
          locale: link.locale,
          pledge: { campaignName: localized(campaign.name, link.locale), firstName: input.firstName },
        }),
        // A new or unconfirmed pledge: the link is its confirmation (the statement's
        // snapshot does not see the pledge it inserts, so a new one is not "existing").
        Prisma.sql`u WHERE NOT EXISTS (SELECT 1 FROM existing WHERE existing.verified_at IS NOT NULL)`,
        stamp,
      )}),
      mail_sign_in AS (${queueEmailStatement(
        signInEmail({ to: input.email, url: link.url, locale: link.locale }),
        // Pledged and confirmed already: the link only signs the person in.
        Prisma.sql`u WHERE EXISTS (SELECT 1 FROM existing WHERE existing.verified_at IS NOT NULL)`,
        stamp,
      )})`
    : Prisma.empty;
  const rows = await db.$queryRaw<
    { user_id: string; created_id: string | null; existing_id: string | null; verified: boolean | null }[]
  >`
    WITH guard AS (${guard}),
    u AS (
      INSERT INTO users (id, email, created_at, updated_at)
      SELECT ${newId()}, ${input.email}, ${utc(stamp)}, ${utc(stamp)} FROM guard
      ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
      RETURNING id
    ),
    referrer AS (
      SELECT r.id FROM pledges o
      JOIN pledges r ON r.user_id = o.user_id AND r.campaign_id = ${campaignId}
      JOIN u ON o.user_id <> u.id
      WHERE o.referral_code = ${code}
    ),
    inserted AS (
      INSERT INTO pledges (id, user_id, campaign_id, first_name, country, platforms, locale,
        reminders_consent, reminders_consent_at, reminders_consent_text, referral_code, referred_by_id,
        signup_network_hash, created_at, updated_at)
      SELECT ${newId()}, u.id, ${campaignId}, ${input.firstName ?? null}, ${input.country},
        ${input.platforms}::text[], ${input.locale}, ${consent},
        ${consent ? utc(now) : Prisma.sql`NULL`}, ${consent ? context.consentText : null},
        ${newReferralCode()}, (SELECT id FROM referrer),
        -- Kept only for invitees, whose bursts it reveals (lib/referrals/fraud.ts).
        CASE WHEN EXISTS (SELECT 1 FROM referrer) THEN ${context.signupNetworkHash}::text END,
        ${utc(stamp)}, ${utc(stamp)}
      FROM u
      ON CONFLICT (user_id, campaign_id) DO NOTHING
      RETURNING id
    ),
    existing AS (
      SELECT e.id, e.verified_at FROM pledges e JOIN u ON e.user_id = u.id WHERE e.campaign_id = ${campaignId}
    )${counted ? Prisma.sql`, counted AS (${counted})` : Prisma.empty}${linkWrites}
    SELECT u.id AS user_id, inserted.id AS created_id, existing.id AS existing_id,
      existing.verified_at IS NOT NULL AS verified
    FROM u LEFT JOIN inserted ON TRUE LEFT JOIN existing ON TRUE`;
  const row = rows[0];
  if (!row) return null;
  if (row.created_id)
    return { userId: row.user_id, pledgeId: row.created_id, created: true, verified: false };
  if (row.existing_id) {
    return {
      userId: row.user_id,
      pledgeId: row.existing_id,
      created: false,
      verified: row.verified === true,
    };
  }
  // A concurrent submission inserted the pledge after this statement's snapshot.
  const pledge = await db.pledge.findUniqueOrThrow({
    where: { userId_campaignId: { userId: row.user_id, campaignId } },
    select: { id: true, verifiedAt: true },
  });
  return { userId: row.user_id, pledgeId: pledge.id, created: false, verified: pledge.verifiedAt !== null };
}

async function saveWithRetry(input: PledgeInput, saveContext: SaveContext, signIn: SignInOptions | null) {
  const signupNetworkHash =
    saveContext.signupNetworkHash === undefined ? await requestNetworkHash() : saveContext.signupNetworkHash;
  const context = { ...saveContext, signupNetworkHash };
  const campaign = saveContext.campaign ?? currentCampaign();
  // Before any of its personal data exists, so that retention knows its cutoff.
  await recordCampaign(campaign);
  try {
    return await save(input, context, campaign, signIn);
  } catch (error) {
    // A new referral code collided with an existing one (2^50 codes): draw again.
    if (isUniqueViolation(error, "referral_code")) return save(input, context, campaign, signIn);
    throw error;
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return /23505|unique/i.test(`${error.code} ${error.message}`) && error.message.includes(column);
}

/**
 * Records the person's pledge for the campaign (unverified until the magic link is
 * clicked); an existing one is left as it is: submitting twice creates nothing twice.
 * A pledge in an earlier campaign is left as it is: this campaign gets its own.
 */
export async function savePledge(input: PledgeInput, saveContext: SaveContext): Promise<SavedPledge> {
  const saved = await saveWithRetry(input, saveContext, null);
  if (!saved) throw new Error("pledge not saved");
  return saved;
}

/**
 * The pledge form: savePledge and a magic link for the address, in one statement (the
 * pledge, the Auth.js token, the queued email and the counter commit together), the
 * email rendered and sent by the outbox drain. Null, and nothing written, when mail
 * to the address bounced or was marked as spam.
 */
export async function savePledgeAndSendLink(
  input: PledgeInput,
  saveContext: SaveContext & SignInOptions,
): Promise<SavedPledge | null> {
  const saved = await saveWithRetry(input, saveContext, { redirectTo: saveContext.redirectTo });
  if (saved) kickOutbox();
  return saved;
}
