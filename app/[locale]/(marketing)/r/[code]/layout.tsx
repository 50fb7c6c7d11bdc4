import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, ClientMessages } from "@/lib/i18n/client-messages";

// The invitation's pledge form's messages, for this page only (as on /pledge).
export default async function InvitationLayout({
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
