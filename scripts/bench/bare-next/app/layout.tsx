import type { ReactNode } from "react";

// A bare Next.js App Router app of the same Next version, as bench:pages' reference.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
