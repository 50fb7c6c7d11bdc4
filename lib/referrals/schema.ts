import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { displayNameSchema } from "./rules";

// The referral forms' schemas, shared by the dashboard forms and their actions.

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
