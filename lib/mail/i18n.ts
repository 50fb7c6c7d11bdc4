import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import type enEmails from "@/messages/en/emails.json";

// Emails are rendered outside any request (from the outbox, from scripts), so they
// get their own translator instead of next-intl's request-scoped one. The English
// file is the type: a missing key or argument is a compile error.

type EmailMessages = typeof enEmails;

/** A supported locale for `value`, the default locale otherwise. */
export function emailLocale(value: string | undefined): Locale {
  return value && isLocale(value) ? value : DEFAULT_LOCALE;
}

export function emailTranslator(locale: string | undefined) {
  const resolved = emailLocale(locale);
  return createTranslator({
    locale: resolved,
    messages: loadMessages(resolved) as EmailMessages,
    namespace: "emails",
  });
}
