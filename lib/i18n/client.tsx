"use client";

import format, { type CompiledMessage } from "icu-minify/format";
import { createContext, type ReactNode, use, useMemo } from "react";

// Translations in client components. The server translates with next-intl (full ICU,
// messages parsed at run time); the browser would need next-intl's client provider and
// its ICU parser for that, 12 KB of gzip on every page. Instead the server compiles
// the few namespaces a page's client components read (./client-messages.ts, with
// icu-minify, next-intl's own compiler) and this module formats them with
// icu-minify's runtime (under 1 KB). Same messages, same ICU semantics: plurals,
// selects, numbers, `#`.

/** Messages compiled by icu-minify, nested by namespace as in messages/<locale>/*.json. */
export type CompiledMessages = { [key: string]: CompiledMessage | CompiledMessages };

type ClientIntl = { locale: string; messages: CompiledMessages };

const IntlContext = createContext<ClientIntl | null>(null);

function isNamespace(value: CompiledMessage | CompiledMessages | undefined): value is CompiledMessages {
  return typeof value === "object" && !Array.isArray(value);
}

function merge(base: CompiledMessages, extra: CompiledMessages): CompiledMessages {
  const out: CompiledMessages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] = isNamespace(current) && isNamespace(value) ? merge(current, value) : value;
  }
  return out;
}

/**
 * Gives the client components below it `messages` (compiled), on top of those of any
 * provider above it: the root layout's for the header, a route group's for its pages.
 */
export function ClientIntlProvider({
  locale,
  messages,
  children,
}: {
  locale: string;
  messages: CompiledMessages;
  children: ReactNode;
}) {
  const parent = use(IntlContext);
  const value = useMemo(
    () => ({ locale, messages: parent ? merge(parent.messages, messages) : messages }),
    [locale, messages, parent],
  );
  return <IntlContext value={value}>{children}</IntlContext>;
}

function useClientIntl(): ClientIntl {
  const intl = use(IntlContext);
  if (!intl) throw new Error("A client component reads translations outside ClientIntlProvider");
  return intl;
}

export function useLocale(): string {
  return useClientIntl().locale;
}

const cache = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>(
  kind: string,
  locale: Intl.LocalesArgument,
  options: object | undefined,
  create: () => T,
): T {
  const key = `${kind} ${String(locale)} ${JSON.stringify(options ?? {})}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}
const formatters = {
  getNumberFormat: (locale?: Intl.LocalesArgument, options?: Intl.NumberFormatOptions) =>
    cached("n", locale, options, () => new Intl.NumberFormat(locale, options)),
  getPluralRules: (locale?: Intl.LocalesArgument, options?: Intl.PluralRulesOptions) =>
    cached("p", locale, options, () => new Intl.PluralRules(locale, options)),
  getDateTimeFormat: (locale?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) =>
    cached("d", locale, options, () => new Intl.DateTimeFormat(locale, options)),
};

export type Translator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/**
 * next-intl's useTranslations for plain-text messages: `t(key, values)` and `t.has(key)`.
 * A message missing from the page's namespaces shows as its key, as next-intl's does
 * (tests/unit/i18n-client-messages.test.ts keeps the namespaces complete).
 */
export function useTranslations(namespace: string): Translator {
  const { locale, messages } = useClientIntl();
  return useMemo(() => {
    let scope: CompiledMessage | CompiledMessages | undefined = messages;
    for (const key of namespace.split(".")) scope = isNamespace(scope) ? scope[key] : undefined;
    const lookup = (key: string): CompiledMessage | undefined => {
      let found: CompiledMessage | CompiledMessages | undefined = scope;
      for (const part of key.split(".")) found = isNamespace(found) ? found[part] : undefined;
      return isNamespace(found) ? undefined : found;
    };
    const t = (key: string, values?: Record<string, string | number>) => {
      const message = lookup(key);
      if (message === undefined) return `${namespace}.${key}`;
      return String(format(message, locale, values, { formatters }));
    };
    t.has = (key: string) => lookup(key) !== undefined;
    return t;
  }, [locale, messages, namespace]);
}
