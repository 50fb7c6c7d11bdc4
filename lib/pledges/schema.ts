import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { CONSENT_WORDINGS } from "@/lib/reminders/consent-wording";
import { REFERRAL_CODE_PATTERN } from "./referral-code-pattern";
import { COUNTRY_CODES, EMAIL_MAX_LENGTH, EMAIL_PATTERN, FIRST_NAME_MAX_LENGTH, PLAIN_NAME } from "./rules";

// The pledge and sign-in forms' schemas, parsed by their server actions (the only
// check that counts). The browser checks the same rules first without zod
// (./form-check.ts). Error messages are message keys under "forms.errors", so both
// sides show the same translated text.

export const emailSchema = z
  .string({ error: "email_required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "email_required" })
  .max(EMAIL_MAX_LENGTH, { error: "email_too_long" })
  .pipe(z.email({ pattern: EMAIL_PATTERN, error: "email_invalid" }));

export function pledgeSchema(platformIds: readonly string[]) {
  return z.object({
    email: emailSchema,
    firstName: z
      .string()
      .trim()
      .max(FIRST_NAME_MAX_LENGTH, { error: "first_name_too_long" })
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
    /** Which wording of the consent the form showed (lib/reminders/consent-wording.ts). */
    consentWording: z.enum(CONSENT_WORDINGS, { error: "consent_invalid" }).default("before"),
    locale: z.enum(LOCALES, { error: "locale_invalid" }),
    // The invitation the form is on (/<locale>/r/<code>), so that a pledge made there
    // credits its inviter without JavaScript or cookies. Not the person's to correct:
    // anything but a code's shape is dropped, and the pledge goes ahead without it.
    referralCode: z.string().regex(REFERRAL_CODE_PATTERN).optional().catch(undefined),
  });
}

/** A parsed pledge form, as the pledge domain takes it (the consent's wording is the action's to record). */
export type PledgeInput = Omit<z.infer<ReturnType<typeof pledgeSchema>>, "consentWording">;

export const signInSchema = z.object({
  email: emailSchema,
  locale: z.enum(LOCALES, { error: "locale_invalid" }),
  /** Set by the "send it again" form of a check-email page: which page to come back to. */
  resendFrom: z.enum(["pledge", "sign-in"]).optional(),
});
