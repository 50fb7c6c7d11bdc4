import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, ClientMessages } from "@/lib/i18n/client-messages";

// Pages that act on a link from an email (sign-in, "I've filed it", unsubscribe): the
// link's token is the only proof, so they render per request, carry the CSP nonce and
// stay out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AuthLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await connection();
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={CLIENT_NAMESPACES.auth}>
      {children}
    </ClientMessages>
  );
}
