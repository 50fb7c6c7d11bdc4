import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../globals.css";

// Developer tools live outside the locale tree: their own minimal document.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-surface font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
