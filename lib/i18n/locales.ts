// The languages the app speaks. Adding one: its code here, its name below, a
// messages/<code>/ folder (npx tsx scripts/ops/i18n-check.ts <code> lists what is
// missing; gaps fall back to English) and its texts in the campaign file.
export const LOCALES = ["en", "fr", "de", "es", "it", "nl", "pl", "pt"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's own name for itself, shown in the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  es: "Español",
  it: "Italiano",
  nl: "Nederlands",
  pl: "Polski",
  pt: "Português",
};

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
