import { describe, expect, it } from "vitest";
import { loadCampaign } from "@/lib/campaign";
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
