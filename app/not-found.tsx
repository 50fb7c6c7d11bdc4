import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { notFoundMetadata } from "@/lib/i18n/metadata";

// Requests that reach no route outside any locale: a path the proxy skips (one with a
// dot, such as /robots.txt) or a first segment that is not a locale. No layout wraps
// it, so it carries its own document and title, in the default language.

export function generateMetadata(): Promise<Metadata> {
  return notFoundMetadata(DEFAULT_LOCALE);
}

export default async function RootNotFound() {
  const t = await getTranslations({ locale: DEFAULT_LOCALE, namespace: "errors" });
  return (
    <html lang={DEFAULT_LOCALE}>
      <body>
        <h1>{t("notFoundTitle")}</h1>
        <p>{t("notFoundBody")}</p>
        <a href={`/${DEFAULT_LOCALE}`}>{t("backHome")}</a>
      </body>
    </html>
  );
}
