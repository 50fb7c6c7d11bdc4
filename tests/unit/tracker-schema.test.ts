import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCampaign } from "@/lib/campaign";
import { LOCALES } from "@/lib/i18n/locales";
import {
  questionnaireFormValues,
  questionnaireSchema,
  updateSubmissionFormValues,
  updateSubmissionSchema,
} from "@/lib/tracker/schema";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

const campaign = loadCampaign();
const schema = questionnaireSchema(campaign.platforms);

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const parseQuestionnaire = (entries: [string, string][]) =>
  schema.safeParse(questionnaireFormValues(form(entries)));

describe("questionnaire schema", () => {
  it("turns the form into accounts per platform, in campaign order, with emails", () => {
    const parsed = parseQuestionnaire([
      ["locale", "en"],
      ["platforms", "instagram"],
      ["platforms", "facebook"],
      ["accounts_facebook", "2"],
      ["accounts_instagram", "1"],
      ["accounts_whatsapp", "1"],
      ["email_facebook_1", " Me@Example.org "],
      ["email_facebook_2", ""],
      ["email_whatsapp_1", "ignored because not chosen"],
      ["linked", "yes"],
    ]);
    expect(parsed.success && parsed.data).toEqual({
      accounts: [
        { platform: "facebook", emails: ["me@example.org", null] },
        { platform: "instagram", emails: [null] },
      ],
      accountsLinked: true,
      locale: "en",
    });
  });

  it("asks whether linkable accounts are linked, and ignores the answer otherwise", () => {
    const missing = parseQuestionnaire([
      ["locale", "en"],
      ["platforms", "facebook"],
      ["platforms", "instagram"],
      ["accounts_facebook", "1"],
      ["accounts_instagram", "1"],
    ]);
    expect(!missing.success && fieldErrorsOf(missing.error)).toEqual({ linked: "linked_required" });
    const alone = parseQuestionnaire([
      ["locale", "en"],
      ["platforms", "whatsapp"],
      ["accounts_whatsapp", "1"],
      ["linked", "yes"],
    ]);
    expect(alone.success && alone.data.accountsLinked).toBeNull();
  });

  it("refuses unknown platforms, impossible account counts and bad emails, naming the field", () => {
    const cases: [[string, string][], Record<string, string>][] = [
      [[["locale", "en"]], { platforms: "platforms_required" }],
      [
        [
          ["locale", "en"],
          ["platforms", "tiktok"],
        ],
        { platforms: "platform_invalid" },
      ],
      [
        [
          ["locale", "en"],
          ["platforms", "whatsapp"],
          ["accounts_whatsapp", "4"],
        ],
        { accounts_whatsapp: "accounts_invalid" },
      ],
      [
        [
          ["locale", "en"],
          ["platforms", "facebook"],
          ["accounts_facebook", "0"],
        ],
        { accounts_facebook: "accounts_invalid" },
      ],
      [
        [
          ["locale", "en"],
          ["platforms", "facebook"],
          ["accounts_facebook", "1"],
          ["email_facebook_1", "not-an-email"],
        ],
        { email_facebook_1: "email_invalid" },
      ],
      [
        [
          ["locale", "en"],
          ["platforms", "facebook"],
          ["accounts_facebook", "1"],
          ["accounts_myspace", "1"],
        ],
        { accounts: "platform_invalid" },
      ],
    ];
    for (const [entries, expected] of cases) {
      const parsed = parseQuestionnaire(entries);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(fieldErrorsOf(parsed.error)).toMatchObject(expected);
    }
  });
});

describe("account identifiers: an email address, or a phone number where the platform names accounts so", () => {
  const whatsapp = (entries: [string, string][]) =>
    parseQuestionnaire([["locale", "en"], ["platforms", "whatsapp"], ["accounts_whatsapp", "3"], ...entries]);

  it("asks WhatsApp for phone numbers, Facebook and Instagram for email addresses", () => {
    expect(
      Object.fromEntries(campaign.platforms.map((platform) => [platform.id, platform.accountIdentifier])),
    ).toEqual({ facebook: "email", instagram: "email", whatsapp: "phone" });
  });

  it("keeps WhatsApp numbers as digits, with + for the country code, however they are written", () => {
    const parsed = whatsapp([
      ["email_whatsapp_1", " +49 151 2345-6789 "],
      ["email_whatsapp_2", "0049 (151) 23.45.67.89"],
      ["email_whatsapp_3", ""],
    ]);
    expect(parsed.success && parsed.data.accounts).toEqual([
      { platform: "whatsapp", emails: ["+4915123456789", "+4915123456789", null] },
    ]);
    const national = whatsapp([["email_whatsapp_1", "0612 345 678"]]);
    expect(national.success && national.data.accounts[0]?.emails[0]).toBe("0612345678");
  });

  it("refuses what is not a phone number for WhatsApp, naming the field", () => {
    for (const bad of [
      "me@example.org",
      "+49 151 CALL ME",
      "12345",
      "+0 151 2345678",
      "+1234567890123456",
      "++49151234567",
    ]) {
      const parsed = whatsapp([["email_whatsapp_2", bad]]);
      expect(parsed.success, bad).toBe(false);
      if (!parsed.success)
        expect(fieldErrorsOf(parsed.error), bad).toEqual({ email_whatsapp_2: "phone_invalid" });
    }
  });

  it("still wants an email address, not a phone number, for Facebook", () => {
    const parsed = parseQuestionnaire([
      ["locale", "en"],
      ["platforms", "facebook"],
      ["accounts_facebook", "1"],
      ["email_facebook_1", "+49 151 23456789"],
    ]);
    expect(!parsed.success && fieldErrorsOf(parsed.error)).toEqual({ email_facebook_1: "email_invalid" });
  });

  it("accepts the example number each language's hint gives", () => {
    for (const locale of LOCALES) {
      const { tracker } = JSON.parse(
        readFileSync(path.resolve(import.meta.dirname, "../../messages", locale, "tracker.json"), "utf8"),
      );
      const example = /\+[\d ]+\d/.exec(tracker.questionnaire.phoneHint)?.[0];
      expect(example, locale).toBeDefined();
      expect(tracker.errors.phone_invalid, locale).toContain(example);
      expect(whatsapp([["email_whatsapp_1", example!]]).success, locale).toBe(true);
    }
  });
});

describe("status change schema", () => {
  const parse = (entries: [string, string][]) =>
    updateSubmissionSchema.safeParse(updateSubmissionFormValues(form(entries)));

  it("keeps the note when the field is absent and clears it when empty", () => {
    const base: [string, string][] = [
      ["locale", "en"],
      ["submissionId", "cm0abcdefghij0123456789"],
      ["status", "SUBMITTED"],
      ["day", "2025-05-20"],
    ];
    expect(parse(base).success && parse(base).data).toMatchObject({ day: "2025-05-20" });
    const absent = parse(base);
    expect(absent.success && absent.data.note).toBeUndefined();
    const empty = parse([...base, ["note", "  "]]);
    expect(empty.success && empty.data.note).toBeNull();
  });

  it("refuses oversized notes, unknown statuses and malformed ids", () => {
    const tooLong = parse([
      ["locale", "en"],
      ["submissionId", "cm0abcdefghij0123456789"],
      ["status", "SUBMITTED"],
      ["note", "x".repeat(501)],
    ]);
    expect(!tooLong.success && fieldErrorsOf(tooLong.error)).toEqual({ note: "note_too_long" });
    const status = parse([
      ["locale", "en"],
      ["submissionId", "cm0abcdefghij0123456789"],
      ["status", "DONE"],
    ]);
    expect(!status.success && fieldErrorsOf(status.error)).toEqual({ status: "status_invalid" });
    const id = parse([
      ["locale", "en"],
      ["submissionId", "../other-person"],
      ["status", "SUBMITTED"],
    ]);
    expect(!id.success && fieldErrorsOf(id.error)).toEqual({ submissionId: "account_invalid" });
  });
});
