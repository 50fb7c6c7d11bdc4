import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, LOCALES } from "./locales";

type PageMeta = {
  locale: string;
  /** The page's path after the locale, "" for the landing page, e.g. "/pledge". */
  path: string;
  title?: string;
  description?: string;
};

/** The page's absolute URL in `locale`, on APP_URL. */
export function pageUrl(locale: string, path: string): string {
  return new URL(`/${locale}${path}`, env().APP_URL).toString();
}

/**
 * Title, description, canonical URL, hreflang alternates (with x-default: the
 * unprefixed path, which the proxy sends to the visitor's language) and og:url of
 * one page, all on APP_URL.
 */
export function pageMetadata({ locale, path, title, description }: PageMeta): Metadata {
  const url = pageUrl(locale, path);
  const languages: Record<string, string> = Object.fromEntries(LOCALES.map((l) => [l, pageUrl(l, path)]));
  languages["x-default"] = new URL(path || "/", env().APP_URL).toString();
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    alternates: { canonical: url, languages },
    openGraph: {
      url,
      locale,
      alternateLocale: LOCALES.filter((l) => l !== locale && l !== DEFAULT_LOCALE),
      ...(title ? { title } : {}),
      ...(description ? { description } : {}),
    },
  };
}

/**
 * The head of a "page not found" answer in `locale`: its own title ("Page not found ·
 * <site>") and description instead of the landing page's. Next.js takes not-found.tsx's
 * metadata only when generateMetadata itself throws notFound(), not for a notFound()
 * thrown while rendering, so the pages and layouts that answer 404 set it themselves.
 */
export async function notFoundMetadata(locale: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "errors" });
  const tMeta = await getTranslations({ locale, namespace: "meta" });
  return {
    title: { absolute: `${t("notFoundTitle")} · ${tMeta("siteName")}` },
    description: t("notFoundBody"),
  };
}
