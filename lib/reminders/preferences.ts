import "server-only";
import { db } from "@/lib/db";
import { isSuppressed } from "@/lib/mail/suppression";
import { remindersLog } from "./log";
import { type TokenError, verifyToken } from "./tokens";

// Reminder consent: on from the pledge form or the dashboard (recording when and to
// which wording, GDPR art. 7(1)), off from the dashboard, the email's unsubscribe
// link or the one-click List-Unsubscribe POST (RFC 8058). Always scoped by the person.

export type ReminderPreference = { isEnabled: boolean; isSuppressed: boolean };

/** The signed-in person's reminder setting; null without a pledge for the campaign. */
export async function getReminderPreference(
  userId: string,
  campaignId: string,
): Promise<ReminderPreference | null> {
  const pledge = await db.pledge.findFirst({
    where: { userId, campaignId },
    select: { remindersConsent: true, unsubscribedAt: true, user: { select: { email: true } } },
  });
  if (!pledge) return null;
  return reminderPreferenceOf(pledge, pledge.user.email);
}

/** The same, from a pledge the caller read already and the person's address. */
export async function reminderPreferenceOf(
  pledge: { remindersConsent: boolean; unsubscribedAt: Date | null },
  email: string,
): Promise<ReminderPreference> {
  return {
    isEnabled: pledge.remindersConsent && pledge.unsubscribedAt === null,
    isSuppressed: await isSuppressed(email),
  };
}

/** Turns reminders on (with the consent's time and wording) or off. False without a pledge. */
export async function setReminderPreference(
  userId: string,
  campaignId: string,
  change: { isEnabled: true; consentText: string } | { isEnabled: false },
  now: Date,
): Promise<boolean> {
  const data = change.isEnabled
    ? {
        remindersConsent: true,
        remindersConsentAt: now,
        remindersConsentText: change.consentText,
        unsubscribedAt: null,
      }
    : { remindersConsent: false, unsubscribedAt: now };
  const { count } = await db.pledge.updateMany({ where: { userId, campaignId }, data });
  remindersLog.info({ userId, isEnabled: change.isEnabled, found: count > 0 }, "reminder preference");
  return count > 0;
}

export type UnsubscribeResult = { ok: true } | { ok: false; error: TokenError | "no_pledge" };

/** Unsubscribes the token's person from reminders (idempotent: the first time is kept). */
export async function unsubscribeByToken(token: string, now: Date): Promise<UnsubscribeResult> {
  const verified = verifyToken(token, "unsubscribe", now);
  if (!verified.ok) return verified;
  const { userId, campaignId } = verified.claims;
  const pledge = await db.pledge.findFirst({
    where: { userId, campaignId },
    select: { id: true, unsubscribedAt: true },
  });
  if (!pledge) return { ok: false, error: "no_pledge" };
  await db.pledge.updateMany({
    where: { id: pledge.id, userId },
    data: { remindersConsent: false, unsubscribedAt: pledge.unsubscribedAt ?? now },
  });
  remindersLog.info({ userId }, "unsubscribed from reminders");
  return { ok: true };
}

/** Checks an unsubscribe token without acting on it (the confirmation page's GET). */
export function checkUnsubscribeToken(
  token: string,
  now: Date,
): { ok: true } | { ok: false; error: TokenError } {
  const verified = verifyToken(token, "unsubscribe", now);
  return verified.ok ? { ok: true } : verified;
}
