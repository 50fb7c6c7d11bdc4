"use client";

import { buttonClass } from "@/components/ui/button";
import { signOut } from "@/lib/actions/sign-out";
import { forgetChecklist } from "./signed-in-hint";

/** Sign out as a quiet link-like button; it also drops the header's "My checklist" note. */
export function SignOutButton({ locale, label }: { locale: string; label: string }) {
  return (
    <form action={signOut} onSubmit={forgetChecklist} className="inline">
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className={buttonClass({ variant: "quiet", className: "text-sm" })}>
        {label}
      </button>
    </form>
  );
}
