import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, ClientMessages } from "@/lib/i18n/client-messages";

// The pledge form's messages (and "send it again" on /pledge/check-email), for these
// pages only: the other public pages do not load them.
export default async function PledgeLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={CLIENT_NAMESPACES.pledge}>
      {children}
    </ClientMessages>
  );
}
