import { connection } from "next/server";
import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, ClientMessages } from "@/lib/i18n/client-messages";

// The public pages, the same for every visitor: landing, pledge, stats, leaderboard,
// privacy, and any page added to this group (a page with a dynamic segment is rendered
// on its first request, then cached the same way). They are prerendered per locale and
// revalidated in the background (ISR), so a served page's figures stay within the
// bound in lib/http/page-cache.ts. No nonce can be on their scripts: their CSP holds
// the hashes of each cached version's inline scripts instead
// (lib/security/isr-cache-handler.mjs, proxy.ts). Nothing here may read cookies,
// headers or the session: the HTML is shared by everyone.
//
// On Vercel, whose cache does not run our cache handler, they render per request
// with a nonce, as the other pages do (README, Deploying).

// A literal, as Next.js requires: PAGE_REVALIDATE_SECONDS (a unit test keeps them equal).
export const revalidate = 10;

export default async function MarketingLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  if (process.env.VERCEL) await connection();
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={CLIENT_NAMESPACES.marketing}>
      {children}
    </ClientMessages>
  );
}
