"use server";

import { signOut as authSignOut } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/locales";

/** POST from the sign-out button: ends the session (deleting its row) and goes home. */
export async function signOut(form: unknown): Promise<void> {
  // A forged call may carry anything: only a form's "locale" field is read.
  const requested = form instanceof FormData ? String(form.get("locale") ?? "") : "";
  const locale = isLocale(requested) ? requested : "en";
  await authSignOut({ redirectTo: `/${locale}` });
}
