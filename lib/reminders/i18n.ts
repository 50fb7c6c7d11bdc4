import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import { emailLocale } from "@/lib/mail/i18n";
import type enReminders from "@/messages/en/reminders.json";

// Reminders are rendered outside any request (cron, scripts), so they get their own
// translator, typed by the English file like lib/mail/i18n.ts.

type ReminderMessages = typeof enReminders;

export function remindersTranslator(locale: string | undefined) {
  const resolved = emailLocale(locale);
  return createTranslator({
    locale: resolved,
    messages: loadMessages(resolved) as ReminderMessages,
    namespace: "reminders",
  });
}
