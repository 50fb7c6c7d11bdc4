import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import defaultCampaign from "@/campaigns/meta-ai-2025.json";
import {
  CampaignConfigError,
  campaignDay,
  deadlineState,
  loadCampaign,
  localized,
  parseCampaign,
  retentionCutoff,
  splitDuration,
} from "@/lib/campaign";

const clone = () => structuredClone(defaultCampaign) as Record<string, unknown> & typeof defaultCampaign;

function writeConfig(data: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "campaign-"));
  const file = path.join(dir, "campaign.json");
  writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data));
  return file;
}

describe("campaign config", () => {
  it("loads the bundled Meta campaign with its defaults", () => {
    const c = loadCampaign();
    expect(c.id).toBe("meta-ai-2025");
    expect(c.deadline.timeZone).toBe("Europe/Brussels");
    expect(new Date(c.deadline.at).toISOString()).toBe("2025-05-26T22:00:00.000Z");
    expect(c.platforms.map((p) => p.id)).toEqual(["facebook", "instagram", "whatsapp"]);
    expect(c.reminders.daysBefore).toEqual([14, 7, 3, 1, 0]);
    expect(c.platforms.find((p) => p.id === "whatsapp")?.caveats[0]?.severity).toBe("warning");
  });

  it("reads an organiser's own file and the deadline override", () => {
    const data = clone();
    data.id = "tiktok-2026";
    data.company = "TikTok";
    const file = writeConfig(data);
    const c = loadCampaign({ configPath: file, deadline: "2026-03-01T12:00:00+01:00" });
    expect(c.id).toBe("tiktok-2026");
    expect(c.deadline.at).toBe("2026-03-01T12:00:00+01:00");
  });

  it("takes the first day objections were possible from the config, optionally", () => {
    expect(loadCampaign().objectionsOpenFrom).toBe("2025-04-01");
    const { objectionsOpenFrom: _, ...without } = clone();
    expect(parseCampaign(without, "x.json").objectionsOpenFrom).toBeUndefined();
    expect(() => parseCampaign({ ...clone(), objectionsOpenFrom: "2025-04-31" }, "x.json")).toThrowError(
      /at objectionsOpenFrom: must be a calendar day/,
    );
    expect(() => parseCampaign({ ...clone(), objectionsOpenFrom: "2025-06-01" }, "x.json")).toThrowError(
      /at objectionsOpenFrom: must not be after the deadline/,
    );
  });

  it("names the field of an invalid config", () => {
    const data = clone();
    (data.platforms[0] as { formUrl: string }).formUrl = "http://insecure.example";
    expect(() => parseCampaign(data, "x.json")).toThrowError(
      /^Invalid campaign config \(x\.json\) at platforms\.0\.formUrl: must be an https:\/\/ URL$/,
    );
  });

  it("rejects duplicate platforms, bad time zones and repeated reminder days", () => {
    const data = clone();
    data.platforms = [data.platforms[0]!, data.platforms[0]!];
    data.deadline = { at: data.deadline.at, timeZone: "Mars/Olympus" };
    data.reminders = { daysBefore: [7, 7], afterDeadline: true };
    const message = (() => {
      try {
        parseCampaign(data, "x.json");
        return "";
      } catch (error) {
        expect(error).toBeInstanceOf(CampaignConfigError);
        return (error as Error).message;
      }
    })();
    expect(message).toContain("at deadline.timeZone: must be an IANA time zone");
    expect(message).toContain('at platforms.1.id: duplicate platform id "facebook"');
    expect(message).toContain("at reminders.daysBefore: must not repeat a day");
  });

  it("requires the default-locale text", () => {
    const data = clone();
    Object.assign(data, { name: { de: "Nein" } });
    expect(() => parseCampaign(data, "x.json")).toThrowError(/at name: must have a "en" text/);
  });

  it("reports unreadable files clearly", () => {
    expect(() => loadCampaign({ configPath: writeConfig("{ not json") })).toThrowError(
      /cannot read it as JSON/,
    );
    expect(() => loadCampaign({ configPath: "/nonexistent/campaign.json" })).toThrowError(
      CampaignConfigError,
    );
  });
});

describe("deadline logic with a moved clock", () => {
  const c = loadCampaign();

  it("counts down before the deadline", () => {
    const state = deadlineState(c, new Date("2025-05-20T12:00:00+02:00"));
    expect(state.phase).toBe("before");
    if (state.phase === "before") {
      expect(state.daysLeft).toBe(7);
      expect(splitDuration(state.msLeft)).toEqual({ days: 6, hours: 12, minutes: 0, seconds: 0 });
    }
  });

  it("switches to 'after' exactly at the deadline", () => {
    expect(deadlineState(c, new Date("2025-05-26T21:59:59.999Z")).phase).toBe("before");
    expect(deadlineState(c, new Date("2025-05-26T22:00:00Z")).phase).toBe("after");
  });

  it("computes campaign days in the campaign's time zone", () => {
    // 23:30 UTC on the 26th is already the 27th in Brussels.
    expect(campaignDay(c, new Date("2025-05-26T23:30:00Z"))).toBe("2025-05-27");
  });

  it("places the retention cutoff after the deadline", () => {
    expect(retentionCutoff(c).toISOString()).toBe("2025-11-22T22:00:00.000Z");
  });

  it("falls back to the default locale", () => {
    expect(localized({ en: "Hello", de: "Hallo" }, "de")).toBe("Hallo");
    expect(localized({ en: "Hello" }, "fr")).toBe("Hello");
  });
});
