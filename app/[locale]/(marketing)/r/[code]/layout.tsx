import { CLIENT_NAMESPACES, LayoutMessages, type LocaleLayoutProps } from "@/lib/i18n/client-messages";

// The invitation's pledge form's messages, for this page only (as on /pledge).
export default function InvitationLayout(props: LocaleLayoutProps) {
  return <LayoutMessages namespaces={CLIENT_NAMESPACES.pledge} {...props} />;
}
