import { connection } from "next/server";
import type { ReactNode } from "react";

// The public pages, the same for every visitor: landing, pledge, stats, leaderboard,
// privacy. They render per request for now, so that Next.js puts the proxy's CSP
// nonce (from the request's Content-Security-Policy header) on their scripts.
export default async function MarketingLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}
