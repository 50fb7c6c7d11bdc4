import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { CONSENT_WORDINGS } from "./consent-wording";

// The reminders forms' schemas, shared by the forms and their server actions. Error
// messages are keys under "reminders.errors".

export const tokenFormSchema = z.object({
  token: z
    .string({ error: "token_invalid" })
    .min(10, { error: "token_invalid" })
    .max(600, { error: "token_invalid" }),
  locale: z.enum(LOCALES, { error: "invalid" }),
});
export type TokenForm = z.infer<typeof tokenFormSchema>;

export function tokenFormValues(form: FormData) {
  return { token: form.get("token") ?? undefined, locale: form.get("locale") ?? undefined };
}

export const reminderPreferenceSchema = z.object({
  enabled: z.enum(["on", "off"], { error: "invalid" }).transform((value) => value === "on"),
  /** Which wording of the consent the form showed (./consent-wording.ts). */
  consentWording: z.enum(CONSENT_WORDINGS, { error: "invalid" }).default("before"),
  locale: z.enum(LOCALES, { error: "invalid" }),
});
export type ReminderPreferenceForm = z.infer<typeof reminderPreferenceSchema>;

export function reminderPreferenceFormValues(form: FormData) {
  return {
    enabled: form.get("enabled") ?? undefined,
    consentWording: form.get("consentWording") ?? undefined,
    locale: form.get("locale") ?? undefined,
  };
}
