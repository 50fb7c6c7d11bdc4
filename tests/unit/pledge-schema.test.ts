import { describe, expect, it } from "vitest";
import { pledgeFormValues, pledgeSchema, signInSchema } from "@/lib/pledges/schema";

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
