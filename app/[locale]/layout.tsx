import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { campaign, deadlineOf, localized } from "@/lib/campaign";
import { env } from "@/lib/env";
import { CLIENT_NAMESPACES, ClientMessages } from "@/lib/i18n/client-messages";
import { notFoundMetadata, pageMetadata } from "@/lib/i18n/metadata";
import { routing } from "@/lib/i18n/routing";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  // Not a language (e.g. /x.txt, which the proxy skips): the layout answers 404 below.
  if (!hasLocale(routing.locales, locale)) return notFoundMetadata(routing.defaultLocale);
  const t = await getTranslations({ locale, namespace: "meta" });
  const c = campaign();
  // One after-deadline wording everywhere: past it, objecting still protects what comes next.
  const isAfter = deadlineOf(c).getTime() <= Date.now();
  const title = t(isAfter ? "landingTitleAfter" : "landingTitle", { campaign: localized(c.name, locale) });
  const description = t("landingDescription", { company: c.company });
  // Pages set their own title, description, canonical URL and alternates over these.
  const page = pageMetadata({ locale, path: "", title, description });
  return {
    ...page,
    metadataBase: new URL(env().APP_URL),
    title: { default: title, template: `%s · ${t("siteName")}` },
    openGraph: { ...page.openGraph, type: "website", siteName: t("siteName") },
    twitter: { card: "summary_large_image", title, description },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e40af" };

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "nav" });
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-surface font-sans text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-4 focus:py-2 focus:text-accent"
        >
          {t("skipToContent")}
        </a>
        <ClientMessages locale={locale} namespaces={CLIENT_NAMESPACES.root}>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="flex-1 outline-none">
            {children}
          </main>
          <SiteFooter />
        </ClientMessages>
      </body>
    </html>
  );
}
