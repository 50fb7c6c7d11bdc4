import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

// The language of a page that has no locale in its address (a shared /r/CODE link),
// chosen in the order next-intl's middleware uses for "/": the visitor's remembered
// choice, then their browser's languages. Unlike the middleware, which falls back to
// the default at once, a caller may name a better guess first (the language of the
// person who shared the link: their friends often share it too).

/** The cookie in which next-intl remembers the visitor's language (lib/i18n/routing.ts). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

type Preference = { tag: string; q: number; order: number };

/** The language ranges of an Accept-Language header, best first (RFC 9110 §12.5.4). */
function acceptedLanguages(header: string): string[] {
  const ranges: Preference[] = [];
  for (const [order, part] of header.split(",").entries()) {
    const [range = "", ...params] = part.trim().split(";");
    const tag = range.trim().toLowerCase();
    if (!/^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/.test(tag)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && q <= 1) ranges.push({ tag, q, order });
  }
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order).map((r) => r.tag);
}

/** The first of the browser's languages the app speaks ("de-AT" is "de"), if any. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  for (const tag of acceptedLanguages(header ?? "")) {
    const primary = tag.split("-")[0] ?? "";
    if (isLocale(primary)) return primary;
  }
  return null;
}

export function negotiateLocale({
  cookie,
  acceptLanguage,
  fallback,
}: {
  cookie?: string | null;
  acceptLanguage?: string | null;
  /** Used when neither the cookie nor the header names a language the app speaks. */
  fallback?: string | null;
}): Locale {
  if (cookie && isLocale(cookie)) return cookie;
  const accepted = localeFromAcceptLanguage(acceptLanguage);
  if (accepted) return accepted;
  return fallback && isLocale(fallback) ? fallback : DEFAULT_LOCALE;
}
