import { createHash } from "node:crypto";
import PledgeConfirmedEmail, { pledgeConfirmedSubject } from "@/emails/pledge-confirmed";
import { db, type Tx } from "@/lib/db";
import { kickOutbox } from "./kick";
import { type QueueEmailInput, type QueueEmailResult, queueEmail } from "./outbox";
import { renderEmail } from "./render";

/** Headers every campaign email (reminders, news) carries: one-click unsubscribe (RFC 8058). */
export function campaignHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * The outbox key of a sign-in link: one email per token, so a retried request does
 * not mail the same link twice. Hashed: the outbox must not hold a usable token.
 */
export function signInIdempotencyKey(url: string): string {
  const token = new URL(url).searchParams.get("token");
  return `sign-in-${sha256(token ?? url).slice(0, 40)}`;
}

export type SignInLinkInput = {
  to: string;
  url: string;
  locale: string;
  /**
   * Set when the link confirms a new pledge (no link has confirmed it yet): the email
   * is then the pledge's confirmation, in the campaign's name, greeting the person by
   * the first name they gave, not a bare sign-in link.
   */
  pledge?: { campaignName: string; firstName?: string | null };
};

/** The outbox row of a magic-link email: rendered by the drain (./templates.tsx). */
export function signInEmail({ to, url, locale, pledge }: SignInLinkInput): QueueEmailInput {
  return {
    kind: "sign-in",
    to,
    template: pledge
      ? {
          template: "confirm-pledge",
          url,
          locale,
          campaignName: pledge.campaignName,
          firstName: pledge.firstName?.trim() || null,
        }
      : { template: "sign-in", url, locale },
    idempotencyKey: signInIdempotencyKey(url),
  };
}

/** Queues a magic-link email, then kicks the outbox. Always sent, even to suppressed addresses. */
export async function sendSignInLink(input: SignInLinkInput): Promise<QueueEmailResult> {
  const queued = await queueEmail(db, signInEmail(input));
  kickOutbox();
  return queued;
}

export type PledgeConfirmedInput = {
  to: string;
  locale: string;
  firstName?: string | null;
  dashboardUrl: string;
  pledgeId: string;
};

/**
 * Renders and queues the "thanks for pledging" email (once per pledge), then kicks
 * the outbox. Pass the pledge's transaction as `client` to queue it atomically with
 * the pledge; the periodic drain sends it if the kick comes before the commit.
 */
export async function sendPledgeConfirmed(
  { to, locale, firstName, dashboardUrl, pledgeId }: PledgeConfirmedInput,
  client: Tx = db,
): Promise<QueueEmailResult> {
  const { html, text } = await renderEmail(
    <PledgeConfirmedEmail firstName={firstName} dashboardUrl={dashboardUrl} locale={locale} />,
  );
  const queued = await queueEmail(client, {
    kind: "pledge-confirmed",
    to,
    subject: pledgeConfirmedSubject({ locale }),
    html,
    text,
    idempotencyKey: `pledge-confirmed-${pledgeId}`,
  });
  kickOutbox();
  return queued;
}
