import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { containsBlockedWord, DISPLAY_NAME_MAX, DISPLAY_NAME_MIN } from "./rules";

// The referral forms' schemas, parsed by their actions. Not for the browser (zod is
// heavy there): the forms take their limits from ./rules.ts.

// Control and format characters (including bidi overrides that could reverse how a
// neighbour's name reads) are refused; everything else is kept as plain text.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The leaderboard display name: trimmed, 2..30 characters, no blocked word, stored as typed. */
export const displayNameSchema = z
  .string({ error: "display_name_required" })
  .transform((name) => name.normalize("NFC").trim().replace(/\s+/g, " "))
  .refine((name) => name.length > 0, { error: "display_name_required" })
  .refine((name) => !INVISIBLE.test(name), { error: "display_name_invisible" })
  .refine((name) => [...name].length >= DISPLAY_NAME_MIN, { error: "display_name_too_short" })
  .refine((name) => [...name].length <= DISPLAY_NAME_MAX, { error: "display_name_too_long" })
  .refine((name) => !containsBlockedWord(name), { error: "display_name_blocked" });

const locale = z.enum(LOCALES, { error: "locale_invalid" });

export const sharePreferencesSchema = z.object({ locale, showFirstName: z.boolean() });
export type SharePreferences = z.infer<typeof sharePreferencesSchema>;

export function sharePreferencesFormValues(form: FormData) {
  return { locale: form.get("locale") ?? undefined, showFirstName: form.get("showFirstName") === "on" };
}

export const joinLeaderboardSchema = z.object({ locale, displayName: displayNameSchema });
export type JoinLeaderboard = z.infer<typeof joinLeaderboardSchema>;

export function joinLeaderboardFormValues(form: FormData) {
  return { locale: form.get("locale") ?? undefined, displayName: form.get("displayName") ?? undefined };
}

export const leaveLeaderboardSchema = z.object({ locale });

export function leaveLeaderboardFormValues(form: FormData) {
  return { locale: form.get("locale") ?? undefined };
}
