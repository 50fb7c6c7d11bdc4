import type { Metadata } from "next";
import { CLIENT_NAMESPACES, LayoutMessages, type LocaleLayoutProps } from "@/lib/i18n/client-messages";

// A signed-in person's own pages: rendered per request for that person (each page
// resolves the user with requireUser), with the CSP nonce, never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function DashboardLayout(props: LocaleLayoutProps) {
  return <LayoutMessages namespaces={CLIENT_NAMESPACES.dashboard} perRequest {...props} />;
}
