import { CLIENT_NAMESPACES, LayoutMessages, type LocaleLayoutProps } from "@/lib/i18n/client-messages";

// The pledge form's messages (and "send it again" on /pledge/check-email), for these
// pages only: the other public pages do not load them.
export default function PledgeLayout(props: LocaleLayoutProps) {
  return <LayoutMessages namespaces={CLIENT_NAMESPACES.pledge} {...props} />;
}
