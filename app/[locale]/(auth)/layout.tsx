import type { Metadata } from "next";
import { CLIENT_NAMESPACES, LayoutMessages, type LocaleLayoutProps } from "@/lib/i18n/client-messages";

// Pages that act on a link from an email (sign-in, "I've filed it", unsubscribe): the
// link's token is the only proof, so they render per request, carry the CSP nonce and
// stay out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AuthLayout(props: LocaleLayoutProps) {
  return <LayoutMessages namespaces={CLIENT_NAMESPACES.auth} perRequest {...props} />;
}
