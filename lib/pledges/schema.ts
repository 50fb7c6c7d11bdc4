import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { REFERRAL_CODE_PATTERN } from "./referral-code-pattern";

// The pledge form's one schema, used by the browser (instant feedback) and by the
// server action (the only one that counts). Error messages are message keys under
// "pledge.errors" so both sides show the same translated text.

/** EU member states, then the other EEA states; "ZZ" means somewhere else. */
export const COUNTRY_CODES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "ZZ",
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

// Letters (any script), combining marks, spaces, apostrophes, dots and hyphens.
const PLAIN_NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;

export const emailSchema = z
  .string({ error: "email_required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "email_required" })
  .max(254, { error: "email_too_long" })
  .pipe(z.email({ error: "email_invalid" }));

export function pledgeSchema(platformIds: readonly string[]) {
  return z.object({
    email: emailSchema,
    firstName: z
      .string()
      .trim()
      .max(50, { error: "first_name_too_long" })
      .refine((name) => name === "" || PLAIN_NAME.test(name), { error: "first_name_plain" })
      .transform((name) => (name === "" ? undefined : name))
      .optional(),
    country: z.enum(COUNTRY_CODES, { error: "country_invalid" }),
    platforms: z
      .array(
        z.string().refine((id) => platformIds.includes(id), { error: "platform_invalid" }),
        {
          error: "platforms_required",
        },
      )
      .min(1, { error: "platforms_required" })
      .max(platformIds.length, { error: "platform_invalid" })
      .transform((ids) => [...new Set(ids)]),
    remindersConsent: z.boolean({ error: "consent_invalid" }),
    locale: z.enum(LOCALES, { error: "locale_invalid" }),
    // The invitation the form is on (/<locale>/r/<code>), so that a pledge made there
    // credits its inviter without JavaScript or cookies. Not the person's to correct:
    // anything but a code's shape is dropped, and the pledge goes ahead without it.
    referralCode: z.string().regex(REFERRAL_CODE_PATTERN).optional().catch(undefined),
  });
}

export type PledgeInput = z.infer<ReturnType<typeof pledgeSchema>>;

/** The form's fields as the schema expects them (checkboxes become booleans/arrays). */
export function pledgeFormValues(form: FormData) {
  return {
    email: form.get("email") ?? undefined,
    firstName: form.get("firstName") ?? undefined,
    country: form.get("country") ?? undefined,
    platforms: form.getAll("platforms"),
    remindersConsent: form.get("remindersConsent") === "on",
    locale: form.get("locale") ?? undefined,
    referralCode: form.get("referralCode") ?? undefined,
  };
}

export const signInSchema = z.object({
  email: emailSchema,
  locale: z.enum(LOCALES, { error: "locale_invalid" }),
  /** Set by the "send it again" form of a check-email page: which page to come back to. */
  resendFrom: z.enum(["pledge", "sign-in"]).optional(),
});
