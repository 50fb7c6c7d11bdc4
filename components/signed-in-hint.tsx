"use client";

import { type ReactNode, useEffect, useState } from "react";
import { Card } from "@/components/ui/card";
import { useTranslations } from "@/lib/i18n/client";
import { Link } from "@/lib/i18n/navigation";

// Public pages are the same for every visitor (prerendered, cached), so they never
// read the session. Instead the person's own dashboard leaves a note in this browser's
// localStorage that it has a checklist, and signing out removes it. The header and
// the pledge page read the note after loading: no request, no cookie, nothing
// personal in the cached HTML. A stale note (session expired) only changes a link:
// the dashboard then asks to sign in.

const KEY = "has-checklist";

function hasChecklist(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

function useHasChecklist(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => setHas(hasChecklist()), []);
  return has;
}

/** Rendered by the dashboard: this browser now has a checklist to come back to. */
export function RememberChecklist() {
  useEffect(() => {
    try {
      localStorage.setItem(KEY, "1");
    } catch {
      // storage disabled: the header keeps offering the pledge
    }
  }, []);
  return null;
}

/** Forgets the note (on sign-out). */
export function forgetChecklist() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/** The header's call to action: "Pledge", or "My checklist" for someone who has one. */
export function HeaderAction({ className }: { className: string }) {
  const t = useTranslations("nav");
  const has = useHasChecklist();
  return (
    <Link href={has ? "/dashboard" : "/pledge"} className={className}>
      {has ? t("myChecklist") : t("pledge")}
    </Link>
  );
}

/** Above the pledge form: someone who already pledged in this browser is pointed to their checklist. */
export function AlreadyPledged({ children }: { children?: ReactNode }) {
  const t = useTranslations("nav");
  const has = useHasChecklist();
  if (!has) return children ?? null;
  return (
    <Card as="p" role="status" tone="accent" variant="filled" className="mt-6">
      {t("alreadyPledged")}{" "}
      <Link href="/dashboard" className="font-semibold text-accent underline underline-offset-4">
        {t("myChecklist")}
      </Link>
    </Card>
  );
}
