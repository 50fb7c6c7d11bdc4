import { describe, expect, it } from "vitest";
import { loadCampaign } from "@/lib/campaign";
import { bearerAccess as cronAccess } from "@/lib/http/bearer";
import { buildDeadlineIcs, foldIcsLine } from "@/lib/reminders/calendar";
import { dueReminder, reminderSlots } from "@/lib/reminders/schedule";
import { batchKey } from "@/lib/reminders/sender";
import { objectionsToDo } from "@/lib/reminders/todo";
import { signToken, verifyToken } from "@/lib/reminders/tokens";

const campaign = loadCampaign({ deadline: "2025-05-27T00:00:00+02:00" });
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe("reminder schedule", () => {
  it("puts dN at 09:00 Brussels N days before the last day, and 'after' a day after the deadline", () => {
    expect(reminderSlots(campaign).map((s) => [s.key, s.point.toISOString()])).toEqual([
      ["d14", "2025-05-12T07:00:00.000Z"],
      ["d7", "2025-05-19T07:00:00.000Z"],
      ["d3", "2025-05-23T07:00:00.000Z"],
      ["d1", "2025-05-25T07:00:00.000Z"],
      ["d0", "2025-05-26T07:00:00.000Z"],
      ["after", "2025-05-27T22:00:00.000Z"],
    ]);
  });

  it("is due only inside a window, never late", () => {
    expect(dueReminder(campaign, at("2025-05-12T06:59:59Z"))).toBeNull();
    expect(dueReminder(campaign, at("2025-05-12T07:00:00Z"))?.key).toBe("d14");
    expect(dueReminder(campaign, at("2025-05-13T06:59:59Z"))?.key).toBe("d14");
    expect(dueReminder(campaign, at("2025-05-13T07:00:00Z"))).toBeNull();
    expect(dueReminder(campaign, at("2025-05-25T20:00:00Z"))?.key).toBe("d1");
    expect(dueReminder(campaign, at("2025-05-26T21:59:59Z"))?.key).toBe("d0");
    expect(dueReminder(campaign, at("2025-05-26T22:00:00Z"))).toBeNull();
    expect(dueReminder(campaign, at("2025-05-30T12:00:00Z"))?.key).toBe("after");
    expect(dueReminder(campaign, at("2025-06-05T12:00:00Z"))).toBeNull();
  });

  it("follows the campaign's cadence and can leave out 'after'", () => {
    const custom = { ...campaign, reminders: { daysBefore: [2, 0], afterDeadline: false } };
    expect(reminderSlots(custom).map((s) => s.key)).toEqual(["d2", "d0"]);
    expect(dueReminder(custom, at("2025-05-30T12:00:00Z"))).toBeNull();
  });
});

describe("objections to do", () => {
  it("counts one per pledged platform before the questionnaire, then open accounts", () => {
    expect(objectionsToDo(campaign, ["instagram", "facebook"], [])).toEqual([
      { platform: "facebook", accounts: 1 },
      { platform: "instagram", accounts: 1 },
    ]);
    const rows = [
      { platform: "facebook", status: "SUBMITTED", coveredById: null },
      { platform: "facebook", status: "NOT_STARTED", coveredById: null },
      { platform: "instagram", status: "NOT_STARTED", coveredById: "x" },
      { platform: "whatsapp", status: "NOT_APPLICABLE", coveredById: null },
    ];
    expect(objectionsToDo(campaign, ["facebook", "instagram", "whatsapp", "gone"], rows)).toEqual([
      { platform: "facebook", accounts: 1 },
    ]);
    expect(objectionsToDo(campaign, ["whatsapp"], rows)).toEqual([]);
  });
});

describe("link tokens", () => {
  const secret = "s".repeat(40);
  const now = at("2025-05-20T10:00:00Z");
  const claims = {
    userId: "u1",
    campaignId: "c1",
    platform: "facebook",
    expiresAt: new Date(now.getTime() + HOUR),
  };

  it("round-trips and is deterministic", () => {
    const token = signToken({ ...claims, purpose: "done" }, secret);
    expect(signToken({ ...claims, purpose: "done" }, secret)).toBe(token);
    expect(verifyToken(token, "done", now, secret)).toMatchObject({ ok: true, claims: { userId: "u1" } });
  });

  it("refuses another purpose, another secret, a change and an expired token", () => {
    const token = signToken({ ...claims, purpose: "done" }, secret);
    expect(verifyToken(token, "unsubscribe", now, secret)).toEqual({ ok: false, error: "token_purpose" });
    expect(verifyToken(token, "done", now, "t".repeat(40))).toEqual({ ok: false, error: "token_invalid" });
    const [body, mac] = token.split(".");
    const forged = `${Buffer.from(Buffer.from(body!, "base64url").toString().replace("u1", "u2")).toString("base64url")}.${mac}`;
    expect(verifyToken(forged, "done", now, secret)).toEqual({ ok: false, error: "token_invalid" });
    expect(verifyToken(token, "done", new Date(now.getTime() + 2 * HOUR), secret)).toEqual({
      ok: false,
      error: "token_expired",
    });
  });
});

describe("batch key, cron access, calendar", () => {
  it("derives the batch key from the sorted delivery ids", () => {
    expect(batchKey(["a", "b"])).toBe(batchKey(["a", "b"]));
    expect(batchKey(["a", "b"])).not.toBe(batchKey(["a", "c"]));
    expect(batchKey(["a"])).toMatch(/^reminders-[0-9a-f]{48}$/);
  });

  it("allows only the exact bearer secret, and is off without one", () => {
    const secret = "cron-secret-0123456789";
    expect(cronAccess(`Bearer ${secret}`, secret)).toBe("ok");
    expect(cronAccess(`Bearer ${secret}x`, secret)).toBe("unauthorized");
    expect(cronAccess(null, secret)).toBe("unauthorized");
    expect(cronAccess(`Bearer ${secret}`, undefined)).toBe("disabled");
  });

  it("writes an RFC 5545 all-day event on the last day, with CRLF and folded lines", () => {
    const ics = buildDeadlineIcs(
      campaign,
      { summary: "Last day; to object, really", description: `Due before 27 May.\n${"x".repeat(120)}` },
      "example.org",
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("DTSTART;VALUE=DATE:20250526\r\n");
    expect(ics).toContain("DTEND;VALUE=DATE:20250527\r\n");
    expect(ics).toContain("SUMMARY:Last day\\; to object\\, really\r\n");
    expect(ics).toContain("UID:meta-ai-2025-deadline@example.org\r\n");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      foldIcsLine("é".repeat(50))
        .split("\r\n ")
        .every((part) => Buffer.byteLength(part) <= 75),
    ).toBe(true);
  });
});
