import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

// Pages that act on a link from an email (sign-in, "I've filed it", unsubscribe): the
// link's token is the only proof, so they render per request, carry the CSP nonce and
// stay out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AuthLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}
