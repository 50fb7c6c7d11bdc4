import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, ClientMessages } from "@/lib/i18n/client-messages";

// A signed-in person's own pages: rendered per request for that person (each page
// resolves the user with requireUser), with the CSP nonce, never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function DashboardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await connection();
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={CLIENT_NAMESPACES.dashboard}>
      {children}
    </ClientMessages>
  );
}
