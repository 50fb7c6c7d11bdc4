import { describe, expect, it } from "vitest";
import { pledgeSchema } from "@/lib/pledges/schema";
import { consentLabelKey, consentWordingAt } from "@/lib/reminders/consent-wording";
import { reminderPreferenceSchema } from "@/lib/reminders/schema";
import en from "@/messages/en/pledge.json";
import enReminders from "@/messages/en/reminders.json";

// The reminders consent reads "before the deadline" only while there is one ahead, and
// the forms send which wording they showed, so the recorded text is the one shown.

const deadline = new Date("2025-05-27T00:00:00+02:00");

describe("reminders consent wording", () => {
  it("is 'before' up to the deadline and 'after' from it on", () => {
    expect(consentWordingAt(deadline, deadline.getTime() - 1)).toBe("before");
    expect(consentWordingAt(deadline, deadline.getTime())).toBe("after");
    expect(consentWordingAt(deadline, deadline.getTime() + 86_400_000)).toBe("after");
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
