import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";

// A root layout of its own: no site header, footer, fonts or stylesheet, so the page
// stays tiny inside someone else's iframe. No locale prefix here: the page takes its
// language from ?lang= and marks its content with it, since a layout cannot read the
// query string; <html lang> stays the default locale.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={DEFAULT_LOCALE}>
      <body
        style={{
          margin: 0,
          fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          color: "#0f172a",
          background: "#ffffff",
        }}
      >
        {children}
      </body>
    </html>
  );
}
