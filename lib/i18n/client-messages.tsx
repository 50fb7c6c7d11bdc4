import compile from "icu-minify/compile";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ClientIntlProvider, type CompiledMessages } from "./client";
import { DEFAULT_LOCALE, isLocale } from "./locales";
import { loadMessages, type Messages } from "./messages";

// The messages client components read (useTranslations in "use client" files, from
// ./client.tsx), compiled here and sent with the page. Each layout sends the namespaces
// of the client components below it, no more: the root layout the header's, a route
// group the ones of its pages. tests/unit/i18n-client-messages.test.ts follows every
// page's imports and fails when a client component reads a namespace its layouts do
// not send.
export const CLIENT_NAMESPACES = {
  /** app/[locale]/layout.tsx: the header (language switcher, "Pledge"/"My checklist") and the error page. */
  root: ["nav", "errors"],
  /** (marketing): the countdown on the landing and stats pages. */
  marketing: ["deadline"],
  /** (marketing)/pledge and r/[code]: the pledge form, and "send it again" on /pledge/check-email. */
  pledge: ["pledge.form", "forms", "auth.resend"],
  /** (auth): sign-in, its check-email page, "I've filed it", unsubscribe. */
  auth: [
    "auth.signIn",
    "auth.resend",
    "forms",
    "reminders.done",
    "reminders.errors",
    "reminders.unsubscribe",
  ],
  /** (dashboard): the checklist, its forms, invitations, reminders, the account pages. */
  dashboard: [
    "account",
    "dashboard",
    "deadline",
    "referrals.errors",
    "referrals.leaderboard",
    "referrals.preview",
    "referrals.share",
    "reminders.errors",
    "reminders.preferences",
    "tracker.checklist",
    "tracker.errors",
    "tracker.questionnaire",
    "tracker.status",
  ],
  /** (organiser): the console's action forms. */
  organiser: ["organiser.actions", "organiser.errors"],
} as const satisfies Record<string, readonly string[]>;

function compileAll(messages: unknown): CompiledMessages[string] {
  // Through JSON: the compiler's plural and select options have no prototype, which
  // React refuses to pass to a client component.
  if (typeof messages === "string") return JSON.parse(JSON.stringify(compile(messages)));
  const out: CompiledMessages = {};
  for (const [key, value] of Object.entries(messages as Messages)) out[key] = compileAll(value);
  return out;
}

/** The subset of `messages` under `namespaces`, keeping their nesting (uncompiled). */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
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

const compiled = new Map<string, CompiledMessages>();

/**
 * `namespaces` of `locale`'s messages, compiled for the browser (once per process). A
 * segment that is no locale (/x.txt reaches the layouts too, which render alongside the
 * root layout that answers it with a 404) gets the default's: it never names a folder.
 */
export function clientMessages(locale: string, namespaces: readonly string[]): CompiledMessages {
  const known = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const key = `${known} ${namespaces.join(" ")}`;
  let messages = compiled.get(key);
  if (!messages) {
    messages = compileAll(pickMessages(loadMessages(known), namespaces)) as CompiledMessages;
    compiled.set(key, messages);
  }
  return messages;
}

/** Sends `namespaces` to the client components in `children`. */
export function ClientMessages({
  locale,
  namespaces,
  children,
}: {
  locale: string;
  namespaces: readonly string[];
  children: ReactNode;
}) {
  return (
    <ClientIntlProvider locale={locale} messages={clientMessages(locale, namespaces)}>
      {children}
    </ClientIntlProvider>
  );
}

/** What Next gives a layout under app/[locale]. */
export type LocaleLayoutProps = { children: ReactNode; params: Promise<{ locale: string }> };

/**
 * The body of a layout that only sends `namespaces` to the client components below
 * it. `perRequest` renders its pages per request (a person's own pages, email links):
 * with the CSP nonce, never prerendered.
 */
export async function LayoutMessages({
  namespaces,
  perRequest = false,
  children,
  params,
}: LocaleLayoutProps & { namespaces: readonly string[]; perRequest?: boolean }) {
  if (perRequest) await connection();
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={namespaces}>
      {children}
    </ClientMessages>
  );
}
