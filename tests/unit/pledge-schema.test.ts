import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkPledgeForm,
  checkSignInForm,
  pledgeFormValues,
  signInFormValues,
} from "@/lib/pledges/form-check";
import { EMAIL_PATTERN } from "@/lib/pledges/rules";
import { pledgeSchema, signInSchema } from "@/lib/pledges/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

const schema = pledgeSchema(["facebook", "instagram", "whatsapp"]);
const valid = {
  email: "  Person@Example.ORG ",
  firstName: "Anne-Marie O'Neil",
  country: "DE",
  platforms: ["facebook", "instagram"],
  remindersConsent: false,
  locale: "en",
};

function errorsOf(input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("pledge schema", () => {
  it("normalises a valid pledge", () => {
    const parsed = schema.parse(valid);
    expect(parsed.email).toBe("person@example.org");
    expect(parsed.firstName).toBe("Anne-Marie O'Neil");
    expect(parsed.platforms).toEqual(["facebook", "instagram"]);
  });

  it("accepts names in any script and an empty name", () => {
    expect(schema.parse({ ...valid, firstName: "Zoë Łukasz Ἀφροδίτη" }).firstName).toBe(
      "Zoë Łukasz Ἀφροδίτη",
    );
    expect(schema.parse({ ...valid, firstName: "   " }).firstName).toBeUndefined();
  });

  it.each([
    [{ email: "" }, { email: "email_required" }],
    [{ email: "not-an-email" }, { email: "email_invalid" }],
    [{ email: "a@b" }, { email: "email_invalid" }],
    [{ email: `${"x".repeat(250)}@example.org` }, { email: "email_too_long" }],
    [{ firstName: "<script>alert(1)</script>" }, { firstName: "first_name_plain" }],
    [{ firstName: "<b>Bob</b>" }, { firstName: "first_name_plain" }],
    [{ firstName: "Robert'); DROP TABLE users;--" }, { firstName: "first_name_plain" }],
    [{ firstName: "x".repeat(51) }, { firstName: "first_name_too_long" }],
    [{ country: "US" }, { country: "country_invalid" }],
    [{ country: "" }, { country: "country_invalid" }],
    [{ platforms: [] }, { platforms: "platforms_required" }],
    [{ platforms: ["tiktok"] }, { platforms: "platform_invalid" }],
    [{ locale: "xx" }, { locale: "locale_invalid" }],
  ])("refuses %j with the right message", (override, expected) => {
    expect(errorsOf({ ...valid, ...override })).toEqual(expected);
  });

  it("reports every missing field", () => {
    expect(Object.keys(errorsOf({})).sort()).toEqual([
      "country",
      "email",
      "locale",
      "platforms",
      "remindersConsent",
    ]);
  });

  it("deduplicates platforms", () => {
    expect(schema.parse({ ...valid, platforms: ["facebook", "facebook"] }).platforms).toEqual(["facebook"]);
  });

  it("reads a submitted form, with the consent box unticked by default", () => {
    const form = new FormData();
    form.set("email", "a@example.org");
    form.set("country", "FR");
    form.append("platforms", "facebook");
    form.append("platforms", "whatsapp");
    form.set("locale", "en");
    const parsed = schema.parse(pledgeFormValues(form));
    expect(parsed.remindersConsent).toBe(false);
    expect(parsed.platforms).toEqual(["facebook", "whatsapp"]);
    form.set("remindersConsent", "on");
    expect(schema.parse(pledgeFormValues(form)).remindersConsent).toBe(true);
  });

  it("keeps the invitation's referral code, and drops anything that is not one", () => {
    expect(schema.parse({ ...valid, referralCode: "abc234defg" }).referralCode).toBe("abc234defg");
    for (const referralCode of ["", "x", "<b>x</b>", "../../etc", "x".repeat(200), 42, null]) {
      const parsed = schema.safeParse({ ...valid, referralCode });
      expect(parsed.success, String(referralCode)).toBe(true);
      expect(parsed.data?.referralCode).toBeUndefined();
    }
    expect(schema.parse(valid).referralCode).toBeUndefined();
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...valid, platforms: "facebook" }))
      form.set(key, String(value));
    form.set("referralCode", "abc234defg");
    expect(schema.parse(pledgeFormValues(form)).referralCode).toBe("abc234defg");
  });

  it("validates the sign-in form with the same email rule", () => {
    expect(signInSchema.safeParse({ email: "nope", locale: "en" }).success).toBe(false);
    expect(signInSchema.parse({ email: " A@B.org ", locale: "en" }).email).toBe("a@b.org");
  });
});

describe("the browser's check of the pledge and sign-in forms", () => {
  const platformIds = ["facebook", "instagram", "whatsapp"];
  const serverErrors = (parsed: { success: boolean; error?: z.ZodError }) =>
    parsed.success ? null : fieldErrorsOf(parsed.error!);
  const formOf = (fields: Record<string, string | string[]>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
    return form;
  };
  const filled = {
    email: "  Person@Example.ORG ",
    firstName: "Anne-Marie O'Neil",
    country: "DE",
    platforms: ["facebook", "instagram"],
    locale: "en",
  };

  it("uses zod's own email pattern", () => {
    // Spelled without zod's needless escapes of "-" (lint drops them): the same pattern.
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source.replaceAll("\\-", "-"));
    expect(EMAIL_PATTERN.flags).toBe(z.regexes.email.flags);
  });

  it.each<[string, Record<string, string | string[]>]>([
    ["a valid pledge", filled],
    ["an empty form", {}],
    ["an empty email", { ...filled, email: "   " }],
    ["a bad email", { ...filled, email: "not-an-email" }],
    ["an email without a domain", { ...filled, email: "a@b" }],
    ["an email with two dots", { ...filled, email: "a..b@example.org" }],
    ["an email with an umlaut", { ...filled, email: "zoë@example.org" }],
    ["a long email", { ...filled, email: `${"x".repeat(250)}@example.org` }],
    ["a long bad email", { ...filled, email: `${"x".repeat(260)}` }],
    ["a name with markup", { ...filled, firstName: "<b>Bob</b>" }],
    ["a long name", { ...filled, firstName: "x".repeat(51) }],
    ["a long name of spaces", { ...filled, firstName: ` ${"x".repeat(50)} ` }],
    ["a name in any script", { ...filled, firstName: "Zoë Łukasz Ἀφροδίτη" }],
    ["a name of spaces", { ...filled, firstName: "   " }],
    ["a country outside the list", { ...filled, country: "US" }],
    ["no country", { ...filled, country: "" }],
    ["somewhere else", { ...filled, country: "ZZ" }],
    ["no platform", { ...filled, platforms: [] }],
    ["an unknown platform", { ...filled, platforms: ["facebook", "tiktok"] }],
    ["too many platforms", { ...filled, platforms: ["facebook", "facebook", "instagram", "whatsapp"] }],
    ["an unknown locale", { ...filled, locale: "xx" }],
    ["a consent and a referral code", { ...filled, remindersConsent: "on", referralCode: "<b>" }],
    ["everything wrong", { email: "x", firstName: "1", country: "US", platforms: ["x"], locale: "" }],
  ])("answers %s as the server's schema does", (_, fields) => {
    const form = formOf(fields);
    const server = serverErrors(pledgeSchema(platformIds).safeParse(pledgeFormValues(form)));
    const browser = checkPledgeForm(form, platformIds);
    expect(browser).toEqual(server);
    // The same order too: the error summary lists them so.
    expect(Object.keys(browser ?? {})).toEqual(Object.keys(server ?? {}));
  });

  it.each<[string, Record<string, string>]>([
    ["a valid address", { email: " A@B.org ", locale: "en" }],
    ["a resend", { email: "a@b.org", locale: "en", resendFrom: "pledge" }],
    ["a resend from elsewhere", { email: "a@b.org", locale: "en", resendFrom: "elsewhere" }],
    ["no address", { locale: "en" }],
    ["a bad address", { email: "nope", locale: "de" }],
    ["no locale", { email: "a@b.org" }],
  ])("answers the sign-in form's %s as the server's schema does", (_, fields) => {
    const form = formOf(fields);
    const server = serverErrors(signInSchema.safeParse(signInFormValues(form)));
    const browser = checkSignInForm(form);
    // The server's own words for a bad resendFrom (not a message key) show as "invalid".
    const asShown = (errors: Record<string, string> | null) =>
      errors &&
      Object.fromEntries(Object.entries(errors).map(([f, k]) => [f, k.includes(" ") ? "invalid" : k]));
    expect(browser).toEqual(asShown(server));
  });
});
