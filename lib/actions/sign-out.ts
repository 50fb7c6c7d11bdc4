"use server";

import { signOut as authSignOut } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/locales";

/** POST from the sign-out button: ends the session (deleting its row) and goes home. */
export async function signOut(form: FormData): Promise<void> {
  const requested = String(form.get("locale") ?? "");
  const locale = isLocale(requested) ? requested : "en";
  await authSignOut({ redirectTo: `/${locale}` });
}
