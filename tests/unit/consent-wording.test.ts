import { describe, expect, it } from "vitest";
import { loadCampaign } from "@/lib/campaign";
import { pledgeSchema } from "@/lib/pledges/schema";
import { consentLabelKey } from "@/lib/reminders/consent-wording";
import { consentWordingFor } from "@/lib/reminders/schedule";
import { reminderPreferenceSchema } from "@/lib/reminders/schema";
import en from "@/messages/en/pledge.json";
import enReminders from "@/messages/en/reminders.json";

// The reminders consent reads "before the deadline" only while there is one ahead, and
// the forms send which wording they showed, so the recorded text is the one shown.

const campaign = loadCampaign({ deadline: "2025-05-27T00:00:00+02:00" });
const at = (iso: string) => new Date(iso);

describe("reminders consent wording", () => {
  it("says 'before the deadline' while a reminder before it is to come, then only the 'after' email, then nothing", () => {
    expect(consentWordingFor(campaign, at("2025-05-01T00:00:00Z"))).toBe("before");
    // d0's point (the last day, 09:00 Brussels): from then on only "after" is left.
    expect(consentWordingFor(campaign, at("2025-05-26T06:59:59Z"))).toBe("before");
    expect(consentWordingFor(campaign, at("2025-05-26T07:00:00Z"))).toBe("after");
    expect(consentWordingFor(campaign, at("2025-05-27T21:59:59Z"))).toBe("after");
    // A consent given after the "after" email's point would never get an email: none is asked.
    expect(consentWordingFor(campaign, at("2025-05-27T22:00:00Z"))).toBeNull();
    expect(consentWordingFor(campaign, at("2026-12-04T12:00:00Z"))).toBeNull();
  });

  it("is never 'after' for a campaign without the after-deadline email", () => {
    const noAfter = { ...campaign, reminders: { ...campaign.reminders, afterDeadline: false } };
    expect(consentWordingFor(noAfter, at("2025-05-26T06:59:59Z"))).toBe("before");
    expect(consentWordingFor(noAfter, at("2025-05-26T07:00:00Z"))).toBeNull();
  });

  it("names a message that exists in both forms' namespaces, and only the first mentions the deadline", () => {
    for (const messages of [en.pledge.form, enReminders.reminders.preferences]) {
      expect(messages[consentLabelKey("before")]).toMatch(/before the deadline/);
      expect(messages[consentLabelKey("after")]).toMatch(/email me reminders/);
      expect(messages[consentLabelKey("after")]).not.toMatch(/deadline/);
    }
  });

  const pledge = pledgeSchema(["facebook"]);
  const validPledge = {
    email: "a@example.org",
    country: "DE",
    platforms: ["facebook"],
    remindersConsent: true,
    locale: "en",
  };

  it("is parsed from the pledge form, 'before' when a form does not send it", () => {
    expect(pledge.parse({ ...validPledge, consentWording: "after" }).consentWording).toBe("after");
    expect(pledge.parse(validPledge).consentWording).toBe("before");
  });

  it("refuses any other wording with the consent's error, on both forms", () => {
    const bad = pledge.safeParse({ ...validPledge, consentWording: "whenever" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["consentWording", "consent_invalid"],
    ]);
    const preference = reminderPreferenceSchema.safeParse({
      enabled: "on",
      locale: "en",
      consentWording: "soon",
    });
    expect(preference.success).toBe(false);
    expect(reminderPreferenceSchema.parse({ enabled: "on", locale: "en", consentWording: "after" })).toEqual({
      enabled: true,
      locale: "en",
      consentWording: "after",
    });
  });
});
