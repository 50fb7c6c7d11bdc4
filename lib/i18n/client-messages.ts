import type { Messages } from "./messages";

// The namespaces client components read (useTranslations in "use client" files).
// Only these are serialised into every page; the server reads all messages.
// tests/unit/i18n-client-messages.test.ts fails when a client component reads a
// namespace missing here.
export const CLIENT_NAMESPACES = [
  "account",
  "auth.resend",
  "auth.signIn",
  "dashboard",
  "deadline",
  "errors",
  "forms",
  "nav",
  "organiser.actions",
  "organiser.errors",
  "pledge.form",
  "referrals.errors",
  "referrals.leaderboard",
  "referrals.preview",
  "referrals.share",
  "reminders.done",
  "reminders.errors",
  "reminders.preferences",
  "reminders.unsubscribe",
  "tracker.checklist",
  "tracker.errors",
  "tracker.questionnaire",
  "tracker.status",
] as const;

/** The subset of `messages` under CLIENT_NAMESPACES, keeping their nesting. */
export function clientMessages(messages: Messages): Messages {
  const picked: Messages = {};
  for (const namespace of CLIENT_NAMESPACES) {
    const path = namespace.split(".");
    let source: unknown = messages;
    for (const key of path) source = (source as Record<string, unknown> | undefined)?.[key];
    if (source === undefined) continue;
    let target = picked;
    for (const key of path.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Messages;
    }
    target[path.at(-1)!] = source;
  }
  return picked;
}
