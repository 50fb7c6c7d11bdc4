"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { Link, usePathname } from "@/lib/i18n/navigation";

/**
 * Links to the current page in every language: plain links, so it works without
 * JavaScript. The choice is remembered in the NEXT_LOCALE cookie: our Link writes it
 * on click (lib/i18n/navigation.tsx); without JavaScript the proxy does on the next
 * page it serves (it does not run for cached pages, which set no cookie).
 */
export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm font-medium text-ink-muted underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-accent">
        <span className="sr-only">
          {t("languageCurrent", { language: LOCALE_NAMES[locale as keyof typeof LOCALE_NAMES] ?? locale })}
        </span>
        <span aria-hidden="true" className="inline-flex items-center gap-1">
          {/* A drawn globe, not an emoji: some systems have no emoji font. */}
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            width="16"
            height="16"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.3"
          >
            <circle cx="8" cy="8" r="6.5" />
            <ellipse cx="8" cy="8" rx="2.8" ry="6.5" />
            <path d="M1.5 8h13M2.6 4.5h10.8M2.6 11.5h10.8" />
          </svg>
          {LOCALE_NAMES[locale as keyof typeof LOCALE_NAMES] ?? locale}
        </span>
      </summary>
      <ul
        aria-label={t("language")}
        className="absolute right-0 z-20 mt-1 min-w-40 rounded-md border border-line bg-surface py-1 shadow-lg"
      >
        {LOCALES.map((code) => (
          <li key={code}>
            <Link
              href={pathname}
              locale={code}
              hrefLang={code}
              lang={code}
              aria-current={code === locale ? "true" : undefined}
              className="block px-3 py-2 text-sm text-ink hover:bg-surface-sunken aria-[current]:font-bold"
            >
              {LOCALE_NAMES[code]}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
