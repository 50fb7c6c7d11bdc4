import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

// A signed-in person's own pages: rendered per request for that person (each page
// resolves the user with requireUser), with the CSP nonce, never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}
