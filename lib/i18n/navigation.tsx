"use client";

import NextLink from "next/link";
import { usePathname as useNextPathname, useParams } from "next/navigation";
import type { ComponentProps, MouseEvent } from "react";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import { LOCALE_COOKIE } from "./negotiate";

// Links within the app, written without the locale ("/pledge") and sent to the current
// one ("/de/pledge"), on Next's own <Link>: next-intl's navigation needs its client
// provider in the browser, which this app does not load (./client.tsx). Server and
// client components use it alike; the locale comes from the route's [locale] segment.

/**
 * Pages rendered per request for the person who asks (their dashboard and account, the
 * email-link pages, the console): not prefetched, since every prefetch would be a render
 * on the server for a page the visitor may never open. The public pages are cached
 * and cheap to prefetch.
 */
const PER_REQUEST_PAGES = ["/account", "/dashboard", "/sign-in", "/done", "/unsubscribe", "/organiser"];

export const isPerRequest = (href: string) =>
  PER_REQUEST_PAGES.some((page) => href.startsWith(page) && /^(?:[/?#]|$)/.test(href.slice(page.length)));

function useCurrentLocale(): Locale {
  const locale = useParams<{ locale?: string }>()?.locale;
  return locale && isLocale(locale) ? locale : DEFAULT_LOCALE;
}

type LinkProps = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & {
  /** A path within the app, without the locale: "/", "/pledge", "/dashboard#step-2". */
  href: string;
  /** Another language's version of the page (the language switcher). */
  locale?: Locale;
};

export function Link({ href, locale, prefetch, onClick, ...rest }: LinkProps) {
  const current = useCurrentLocale();
  const target = locale ?? current;
  const isSwitching = target !== current;
  const path = href === "/" ? "" : href;
  return (
    <NextLink
      href={`/${target}${path}`}
      // A prefetched page of the current language would only be replaced at once.
      prefetch={isSwitching || isPerRequest(href) ? false : prefetch}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        // Remembered for the next visit to "/" (the proxy reads it; cached pages set no
        // cookie, and the router may not ask the server at all), as next-intl's Link did.
        // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers still in use; the value is a locale code.
        if (isSwitching) document.cookie = `${LOCALE_COOKIE}=${target}; path=/; samesite=lax`;
        onClick?.(event);
      }}
      {...rest}
    />
  );
}

/** The current path without its locale: "/pledge" on /de/pledge. */
export function usePathname(): string {
  const pathname = useNextPathname() ?? "/";
  const locale = useCurrentLocale();
  if (pathname === `/${locale}`) return "/";
  return pathname.startsWith(`/${locale}/`) ? pathname.slice(locale.length + 1) : pathname;
}
