import { isLocale } from "@/lib/i18n/locales";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { COUNTRY_CODES, EMAIL_MAX_LENGTH, EMAIL_PATTERN, FIRST_NAME_MAX_LENGTH, PLAIN_NAME } from "./rules";

// How the pledge and sign-in forms are read (by their server actions too), and the
// browser's check of them before they are posted: the rules of ./schema.ts, applied
// without zod and answered with the same message keys, in the same order, so the
// browser shows what the server would have said. The server still parses every post
// with its schema (JavaScript off, a forged post); a unit test runs both on the same
// inputs.

/** The pledge form's fields as the schema expects them (checkboxes become booleans/arrays). */
export function pledgeFormValues(form: FormData) {
  return {
    email: form.get("email") ?? undefined,
    firstName: form.get("firstName") ?? undefined,
    country: form.get("country") ?? undefined,
    platforms: form.getAll("platforms"),
    remindersConsent: form.get("remindersConsent") === "on",
    consentWording: form.get("consentWording") ?? undefined,
    locale: form.get("locale") ?? undefined,
    referralCode: form.get("referralCode") ?? undefined,
  };
}

/** The sign-in form's fields (also posted by the check-email pages' "send it again"). */
export function signInFormValues(form: FormData) {
  return {
    email: form.get("email") ?? undefined,
    locale: form.get("locale") ?? undefined,
    resendFrom: form.get("resendFrom") ?? undefined,
  };
}

const RESEND_FROM: readonly unknown[] = ["pledge", "sign-in"];

function emailError(value: unknown): string | undefined {
  if (typeof value !== "string") return "email_required";
  const email = value.trim().toLowerCase();
  if (email === "") return "email_required";
  if (email.length > EMAIL_MAX_LENGTH) return "email_too_long";
  if (!EMAIL_PATTERN.test(email)) return "email_invalid";
  return undefined;
}

function firstNameError(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") return "invalid";
  const name = value.trim();
  if (name.length > FIRST_NAME_MAX_LENGTH) return "first_name_too_long";
  if (name !== "" && !PLAIN_NAME.test(name)) return "first_name_plain";
  return undefined;
}

function platformsError(ids: unknown[], platformIds: readonly string[]): string | undefined {
  // As zod reports them: a bad entry first, then the count.
  if (ids.some((id) => typeof id !== "string" || !platformIds.includes(id))) return "platform_invalid";
  if (ids.length === 0) return "platforms_required";
  if (ids.length > platformIds.length) return "platform_invalid";
  return undefined;
}

/** Each failing field's message key, or null when nothing is wrong. */
function collect(errors: [field: string, key: string | undefined][]): FieldErrors | null {
  const failed = errors.filter((entry): entry is [string, string] => entry[1] !== undefined);
  return failed.length ? Object.fromEntries(failed) : null;
}

const localeError = (value: unknown) =>
  typeof value === "string" && isLocale(value) ? undefined : "locale_invalid";

/** pledgeSchema(platformIds), in the browser. */
export function checkPledgeForm(form: FormData, platformIds: readonly string[]): FieldErrors | null {
  const values = pledgeFormValues(form);
  return collect([
    ["email", emailError(values.email)],
    ["firstName", firstNameError(values.firstName)],
    [
      "country",
      (COUNTRY_CODES as readonly unknown[]).includes(values.country) ? undefined : "country_invalid",
    ],
    ["platforms", platformsError(values.platforms, platformIds)],
    ["locale", localeError(values.locale)],
  ]);
}

/** signInSchema, in the browser. */
export function checkSignInForm(form: FormData): FieldErrors | null {
  const values = signInFormValues(form);
  return collect([
    ["email", emailError(values.email)],
    ["locale", localeError(values.locale)],
    [
      "resendFrom",
      values.resendFrom === undefined || RESEND_FROM.includes(values.resendFrom) ? undefined : "invalid",
    ],
  ]);
}
