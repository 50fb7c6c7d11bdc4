import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { requireOrganiser } from "@/lib/auth/organiser";
import { CLIENT_NAMESPACES, ClientMessages } from "@/lib/i18n/client-messages";
import { Link } from "@/lib/i18n/navigation";

// The organiser console: rendered per request, and only for the organiser role
// (lib/auth/organiser.ts): anyone else, signed in or not, gets the 404 page. Each
// action checks the role again on the server (defineOrganiserAction).
export const metadata: Metadata = { robots: { index: false, follow: false } };

const SECTIONS = ["overview", "reminders", "reviews", "health", "audit"] as const;
const PATHS = {
  overview: "/organiser",
  reminders: "/organiser/reminders",
  reviews: "/organiser/reviews",
  health: "/organiser/health",
  audit: "/organiser/audit",
} as const;
const NAV_LINK = buttonClass({ variant: "secondary", size: "sm" });

export default async function OrganiserLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await connection();
  const { locale } = await params;
  await requireOrganiser();
  const t = await getTranslations("organiser.nav");
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6">
      <nav aria-label={t("label")}>
        <ul className="flex flex-wrap gap-2">
          {SECTIONS.map((section) => (
            <li key={section}>
              <Link href={PATHS[section]} className={NAV_LINK}>
                {t(section)}
              </Link>
            </li>
          ))}
          <li>
            <a href="/api/organiser/stats.csv" className={NAV_LINK}>
              {t("csv")}
            </a>
          </li>
        </ul>
      </nav>
      <ClientMessages locale={locale} namespaces={CLIENT_NAMESPACES.organiser}>
        {children}
      </ClientMessages>
    </div>
  );
}
