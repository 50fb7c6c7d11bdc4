import { DEFAULT_LOCALE } from "../i18n/locales";
import type { LocalizedText } from "./schema";

/** The text in `locale`, falling back to the default locale (always present). */
export function localized(text: LocalizedText, locale: string): string {
  return text[locale] ?? text[DEFAULT_LOCALE] ?? "";
}
