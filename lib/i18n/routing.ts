import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "./locales";
import { LOCALE_COOKIE } from "./negotiate";

// The locale is always in the URL (/en/...); "/" redirects by Accept-Language.
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "always",
  // hreflang alternates go in each page's <head>, built on APP_URL (lib/i18n/metadata.ts);
  // the middleware's Link header would name the address Next listens on.
  alternateLinks: false,
  // next-intl's own name, spelled out: /r/CODE reads it too (./negotiate.ts).
  localeCookie: { name: LOCALE_COOKIE },
});
