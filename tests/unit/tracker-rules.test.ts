import { describe, expect, it } from "vitest";
import { deadlineState, loadCampaign } from "@/lib/campaign";
import { planAccounts } from "@/lib/tracker/coverage";
import {
  dayToInstant,
  instantToDay,
  isCalendarDay,
  latestAllowedDay,
  objectionDayError,
} from "@/lib/tracker/dates";
import { computeProgress, trackerGuidance } from "@/lib/tracker/progress";
import { planTransition, statDeltaForStatus } from "@/lib/tracker/transitions";

const campaign = loadCampaign();
const at = (iso: string) => new Date(iso);

describe("objection days", () => {
  it("stores a day as 12:00 UTC and reads it back as the same day", () => {
    expect(dayToInstant("2025-05-20").toISOString()).toBe("2025-05-20T12:00:00.000Z");
    expect(instantToDay(dayToInstant("2025-05-20"))).toBe("2025-05-20");
  });

  it("accepts real calendar days only", () => {
    expect(isCalendarDay("2025-04-30")).toBe(true);
    for (const bad of ["2025-04-31", "2025-02-29", "20-05-2025", "2025-5-1", "", "yesterday"]) {
      expect(isCalendarDay(bad)).toBe(false);
    }
  });

  it("refuses days before the campaign and days that have not begun anywhere yet", () => {
    const now = at("2025-05-20T08:00:00Z"); // 22:00 on 20 May at UTC+14
    expect(objectionDayError("2025-04-01", { campaign, now })).toBeNull();
    expect(objectionDayError("2025-03-31", { campaign, now })).toBe("day_too_early");
    expect(objectionDayError("2025-05-20", { campaign, now })).toBeNull();
    expect(objectionDayError("2025-05-21", { campaign, now })).toBe("day_in_future");
    expect(objectionDayError("2026-05-20", { campaign, now })).toBe("day_in_future");
    expect(objectionDayError("2025-13-01", { campaign, now })).toBe("day_invalid");
  });

  it("takes the earliest day from the campaign, and has none when the campaign sets none", () => {
    const now = at("2025-05-20T08:00:00Z");
    expect(objectionDayError("2025-04-30", { campaign: { objectionsOpenFrom: "2025-05-01" }, now })).toBe(
      "day_too_early",
    );
    expect(objectionDayError("2019-01-01", { campaign: { objectionsOpenFrom: undefined }, now })).toBeNull();
  });

  it("lets someone just past midnight east of Brussels pick their today", () => {
    // 00:30 in Helsinki (UTC+3) is still 23:30 the day before in Brussels.
    const now = at("2025-05-20T21:30:00Z");
    expect(latestAllowedDay(now)).toBe("2025-05-21");
    expect(objectionDayError("2025-05-21", { campaign, now })).toBeNull();
  });
});

describe("status transitions", () => {
  const none = { submittedAt: null, confirmedAt: null };
  const may20 = dayToInstant("2025-05-20");
  const may22 = dayToInstant("2025-05-22");

  it("records a submission, then a confirmation on or after it", () => {
    expect(planTransition("NOT_STARTED", "SUBMITTED", none, may20)).toEqual({
      ok: true,
      dates: { submittedAt: may20, confirmedAt: null },
    });
    expect(
      planTransition("SUBMITTED", "CONFIRMED", { submittedAt: may20, confirmedAt: null }, may22),
    ).toEqual({
      ok: true,
      dates: { submittedAt: may20, confirmedAt: may22 },
    });
    expect(
      planTransition("SUBMITTED", "CONFIRMED", { submittedAt: may20, confirmedAt: null }, may20).ok,
    ).toBe(true);
  });

  it("refuses jumps that make no sense", () => {
    expect(planTransition("NOT_STARTED", "CONFIRMED", none, may20)).toEqual({
      ok: false,
      error: "confirm_needs_submitted",
    });
    expect(planTransition("NOT_APPLICABLE", "CONFIRMED", none, may20)).toEqual({
      ok: false,
      error: "confirm_needs_submitted",
    });
    expect(
      planTransition("SUBMITTED", "CONFIRMED", { submittedAt: may22, confirmedAt: null }, may20),
    ).toEqual({
      ok: false,
      error: "confirmed_before_submitted",
    });
    expect(planTransition("NOT_APPLICABLE", "SUBMITTED", none, may20)).toEqual({
      ok: false,
      error: "transition_invalid",
    });
    expect(
      planTransition("CONFIRMED", "NOT_STARTED", { submittedAt: may20, confirmedAt: may22 }, undefined),
    ).toEqual({
      ok: false,
      error: "transition_invalid",
    });
    expect(planTransition("NOT_STARTED", "NOT_STARTED", none, undefined).ok).toBe(false);
    expect(planTransition("NOT_STARTED", "SUBMITTED", none, undefined)).toEqual({
      ok: false,
      error: "day_required",
    });
  });

  it("undoes one step at a time, keeping the submission day when a confirmation is undone", () => {
    const confirmed = { submittedAt: may20, confirmedAt: may22 };
    expect(planTransition("CONFIRMED", "SUBMITTED", confirmed, undefined)).toEqual({
      ok: true,
      dates: { submittedAt: may20, confirmedAt: null },
    });
    expect(
      planTransition("SUBMITTED", "NOT_STARTED", { submittedAt: may20, confirmedAt: null }, undefined),
    ).toEqual({
      ok: true,
      dates: none,
    });
    expect(planTransition("NOT_APPLICABLE", "NOT_STARTED", none, undefined).ok).toBe(true);
  });

  it("'couldn't find the form' is a state of its own: skipped, then filed or undone", () => {
    expect(planTransition("NOT_STARTED", "SKIPPED", none, undefined)).toEqual({ ok: true, dates: none });
    expect(planTransition("SKIPPED", "SUBMITTED", none, may20)).toEqual({
      ok: true,
      dates: { submittedAt: may20, confirmedAt: null },
    });
    expect(planTransition("SKIPPED", "NOT_STARTED", none, undefined).ok).toBe(true);
    expect(planTransition("SKIPPED", "CONFIRMED", none, may20)).toEqual({
      ok: false,
      error: "confirm_needs_submitted",
    });
    expect(planTransition("SKIPPED", "NOT_APPLICABLE", none, undefined).ok).toBe(false);
    // Skipping files nothing: no counter moves, and the account is still to do.
    expect(statDeltaForStatus("whatsapp", "NOT_STARTED", "SKIPPED")).toEqual({
      "submitted:whatsapp": 0,
      "confirmed:whatsapp": 0,
    });
    expect(computeProgress([{ status: "SKIPPED", coveredById: null }])).toEqual({
      needed: 1,
      done: 0,
      confirmed: 0,
      finished: false,
    });
  });

  it("moves the submitted and confirmed counters of the platform", () => {
    expect(statDeltaForStatus("facebook", "NOT_STARTED", "SUBMITTED")).toEqual({
      "submitted:facebook": 1,
      "confirmed:facebook": 0,
    });
    expect(statDeltaForStatus("facebook", "SUBMITTED", "CONFIRMED")).toEqual({
      "submitted:facebook": 0,
      "confirmed:facebook": 1,
    });
    expect(statDeltaForStatus("instagram", "CONFIRMED", "NOT_STARTED")).toEqual({
      "submitted:instagram": -1,
      "confirmed:instagram": -1,
    });
    expect(statDeltaForStatus("whatsapp", "NOT_STARTED", "NOT_APPLICABLE")).toEqual({
      "submitted:whatsapp": 0,
      "confirmed:whatsapp": 0,
    });
  });
});

describe("progress", () => {
  it("counts needed accounts: not covered and not 'I don't use this'", () => {
    const progress = computeProgress([
      { status: "SUBMITTED", coveredById: null },
      { status: "NOT_STARTED", coveredById: "x" },
      { status: "NOT_APPLICABLE", coveredById: null },
      { status: "CONFIRMED", coveredById: null },
      { status: "NOT_STARTED", coveredById: null },
    ]);
    expect(progress).toEqual({ needed: 3, done: 2, confirmed: 1, finished: false });
  });

  it("is finished when every needed objection is filed, but not when none is needed", () => {
    expect(
      computeProgress([
        { status: "SUBMITTED", coveredById: null },
        { status: "NOT_APPLICABLE", coveredById: null },
      ]).finished,
    ).toBe(true);
    expect(computeProgress([{ status: "NOT_APPLICABLE", coveredById: null }]).finished).toBe(false);
    expect(computeProgress([]).finished).toBe(false);
  });
});

describe("guidance on both sides of the deadline (moved clock)", () => {
  const open = computeProgress([
    { status: "SUBMITTED", coveredById: null },
    { status: "NOT_STARTED", coveredById: null },
  ]);

  it("counts down before the deadline", () => {
    const before = deadlineState(campaign, at("2025-05-20T10:00:00Z"));
    expect(trackerGuidance(open, before, true)).toEqual({ key: "before", left: 1, days: 7 });
  });

  it("switches to 'still protects what you publish from now on' after it, with no code change", () => {
    const after = deadlineState(campaign, at("2025-05-27T00:00:00+02:00"));
    expect(trackerGuidance(open, after, true)).toEqual({ key: "after", left: 1 });
    expect(trackerGuidance(open, deadlineState(campaign, at("2026-01-01T00:00:00Z")), true).key).toBe(
      "after",
    );
  });

  it("asks for the questionnaire first and celebrates when finished, whatever the phase", () => {
    const before = deadlineState(campaign, at("2025-05-01T00:00:00Z"));
    expect(trackerGuidance(open, before, false)).toEqual({ key: "questionnaire" });
    const done = computeProgress([{ status: "CONFIRMED", coveredById: null }]);
    expect(trackerGuidance(done, before, true)).toEqual({ key: "finished" });
    expect(trackerGuidance(computeProgress([]), before, true)).toEqual({ key: "nothingNeeded" });
  });
});

describe("linked accounts", () => {
  const emails = (n: number) => Array.from({ length: n }, () => null);

  it("covers Instagram account n by Facebook account n when the person says they are linked", () => {
    const plan = planAccounts(campaign.platforms, {
      accounts: [
        { platform: "facebook", emails: ["a@example.org"] },
        { platform: "instagram", emails: emails(2) },
        { platform: "whatsapp", emails: emails(1) },
      ],
      accountsLinked: true,
    });
    expect(plan).toEqual([
      { platform: "facebook", accountIndex: 1, accountIdentifier: "a@example.org", coveredBy: null },
      {
        platform: "instagram",
        accountIndex: 1,
        accountIdentifier: null,
        coveredBy: { platform: "facebook", accountIndex: 1 },
      },
      { platform: "instagram", accountIndex: 2, accountIdentifier: null, coveredBy: null },
      { platform: "whatsapp", accountIndex: 1, accountIdentifier: null, coveredBy: null },
    ]);
  });

  it("covers nothing when not linked, or when only one platform of the group is used", () => {
    const notLinked = planAccounts(campaign.platforms, {
      accounts: [
        { platform: "facebook", emails: emails(1) },
        { platform: "instagram", emails: emails(1) },
      ],
      accountsLinked: false,
    });
    expect(notLinked.every((a) => a.coveredBy === null)).toBe(true);
    const alone = planAccounts(campaign.platforms, {
      accounts: [{ platform: "instagram", emails: emails(2) }],
      accountsLinked: true,
    });
    expect(alone.every((a) => a.coveredBy === null)).toBe(true);
  });
});
