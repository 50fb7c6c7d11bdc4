import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Campaign, loadCampaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { applyStatDelta, diffCounters, readCounters, recountStats, statKey } from "@/lib/stats";
import {
  countOpenLinkReports,
  getTracker,
  reportBrokenLink,
  resolveLinkReports,
  saveQuestionnaire,
  updateSubmissionStatus,
} from "@/lib/tracker";

// The tracker's writes against a real database, each test in its own campaign id so
// that the counters can be compared with a recount from the rows.

const base = loadCampaign();
const now = new Date("2025-05-20T10:00:00Z"); // a week before the deadline

function freshCampaign(): Campaign {
  return { ...base, id: `tracker-${randomUUID().slice(0, 8)}` };
}

async function person(campaign: Campaign, platforms = ["facebook", "instagram"]) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: `tracker-${randomUUID()}@example.test` } });
    await tx.pledge.create({
      data: {
        userId: user.id,
        campaignId: campaign.id,
        country: "DE",
        platforms,
        locale: "en",
        referralCode: randomUUID().replaceAll("-", "").slice(0, 12),
      },
    });
    await applyStatDelta(tx, campaign.id, { [statKey.pledges]: 1 });
    return user.id;
  });
}

async function accounts(userId: string, campaign: Campaign) {
  const rows = await db.submission.findMany({
    where: { userId, campaignId: campaign.id },
    orderBy: [{ platform: "asc" }, { accountIndex: "asc" }],
  });
  return new Map(rows.map((row) => [`${row.platform}:${row.accountIndex}`, row]));
}

async function expectCountersExact(campaign: Campaign) {
  const counters = await readCounters(campaign.id);
  const recounted = await recountStats(campaign.id, { timeZone: campaign.deadline.timeZone });
  expect(diffCounters(counters, recounted)).toEqual([]);
  return counters;
}

function ok<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
}

describe("status changes keep the public counters exact", () => {
  it("after a sequence of changes, including undo and questionnaire edits, counters equal a recount", async () => {
    const campaign = freshCampaign();
    const context = { campaign, now };
    const ada = await person(campaign);
    const bob = await person(campaign, ["whatsapp"]);

    ok(
      await saveQuestionnaire(
        ada,
        {
          accounts: [
            { platform: "facebook", emails: ["ada@example.org", null] },
            { platform: "instagram", emails: [null] },
          ],
          accountsLinked: true,
        },
        context,
      ),
    );
    ok(
      await saveQuestionnaire(
        bob,
        { accounts: [{ platform: "whatsapp", emails: [null] }], accountsLinked: null },
        context,
      ),
    );
    const a = await accounts(ada, campaign);
    const fb1 = a.get("facebook:1")!.id;
    const fb2 = a.get("facebook:2")!.id;
    expect(a.get("instagram:1")!.coveredById).toBe(fb1);
    const wa1 = (await accounts(bob, campaign)).get("whatsapp:1")!.id;

    const steps: [string, string, "SUBMITTED" | "CONFIRMED" | "NOT_STARTED" | "NOT_APPLICABLE", string?][] = [
      [ada, fb1, "SUBMITTED", "2025-05-18"],
      [ada, fb1, "CONFIRMED", "2025-05-19"],
      [ada, fb2, "SUBMITTED", "2025-05-20"],
      [bob, wa1, "SUBMITTED", "2025-05-10"],
      [ada, fb1, "SUBMITTED"], // undo the confirmation
      [ada, fb2, "NOT_STARTED"], // undo the submission
      [ada, fb2, "NOT_APPLICABLE"],
      [bob, wa1, "CONFIRMED", "2025-05-11"],
    ];
    for (const [userId, submissionId, status, day] of steps) {
      ok(await updateSubmissionStatus(userId, { submissionId, status, day }, context));
      await expectCountersExact(campaign);
    }
    let counters = await expectCountersExact(campaign);
    expect(counters.get("submitted:facebook")).toBe(1);
    expect(counters.get("confirmed:facebook") ?? 0).toBe(0);
    expect(counters.get("submitted:whatsapp")).toBe(1);
    expect(counters.get("confirmed:whatsapp")).toBe(1);
    expect(counters.get("finished")).toBe(2);

    // Ada says Instagram is not linked after all: it needs its own objection again.
    ok(
      await saveQuestionnaire(
        ada,
        {
          accounts: [
            { platform: "facebook", emails: ["ada@example.org", null] },
            { platform: "instagram", emails: [null] },
          ],
          accountsLinked: false,
        },
        context,
      ),
    );
    counters = await expectCountersExact(campaign);
    expect(counters.get("finished")).toBe(1);
    const ig1 = (await accounts(ada, campaign)).get("instagram:1")!;
    expect(ig1.coveredById).toBeNull();
    expect((await db.pledge.findFirstOrThrow({ where: { userId: ada } })).finishedAt).toBeNull();

    // Bob stops using WhatsApp in the questionnaire: his filed objection leaves the counters.
    ok(
      await saveQuestionnaire(
        bob,
        { accounts: [{ platform: "facebook", emails: [null] }], accountsLinked: null },
        context,
      ),
    );
    counters = await expectCountersExact(campaign);
    expect(counters.get("submitted:whatsapp") ?? 0).toBe(0);
    expect(counters.get("finished") ?? 0).toBe(0);
    expect((await db.pledge.findFirstOrThrow({ where: { userId: bob } })).platforms).toEqual(["facebook"]);

    ok(
      await updateSubmissionStatus(
        ada,
        { submissionId: ig1.id, status: "SUBMITTED", day: "2025-05-20" },
        context,
      ),
    );
    counters = await expectCountersExact(campaign);
    expect(counters.get("finished")).toBe(1);
  });

  it("concurrent changes by one person move every counter exactly once", async () => {
    const campaign = freshCampaign();
    const context = { campaign, now };
    const userId = await person(campaign);
    ok(
      await saveQuestionnaire(
        userId,
        { accounts: [{ platform: "facebook", emails: [null, null, null] }], accountsLinked: null },
        context,
      ),
    );
    const ids = [...(await accounts(userId, campaign)).values()].map((row) => row.id);
    const results = await Promise.all(
      [...ids, ...ids].map((submissionId) =>
        updateSubmissionStatus(userId, { submissionId, status: "SUBMITTED", day: "2025-05-20" }, context),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const counters = await expectCountersExact(campaign);
    expect(counters.get("submitted:facebook")).toBe(3);
    expect(counters.get("finished")).toBe(1);
  });
});

describe("bad input: a clear error and nothing written", () => {
  it("refuses impossible jumps, dates out of range and covered accounts", async () => {
    const campaign = freshCampaign();
    const context = { campaign, now };
    const userId = await person(campaign);
    ok(
      await saveQuestionnaire(
        userId,
        {
          accounts: [
            { platform: "facebook", emails: [null] },
            { platform: "instagram", emails: [null] },
          ],
          accountsLinked: true,
        },
        context,
      ),
    );
    const rows = await accounts(userId, campaign);
    const fb = rows.get("facebook:1")!.id;
    const ig = rows.get("instagram:1")!.id;
    const before = await db.submission.findMany({ where: { userId }, orderBy: { id: "asc" } });
    const countersBefore = await readCounters(campaign.id);

    const attempts: [Parameters<typeof updateSubmissionStatus>[1], string, string?][] = [
      [{ submissionId: fb, status: "CONFIRMED", day: "2025-05-20" }, "confirm_needs_submitted"],
      [{ submissionId: fb, status: "SUBMITTED", day: "2025-03-31" }, "day_too_early", "day"],
      [{ submissionId: fb, status: "SUBMITTED", day: "2025-05-22" }, "day_in_future", "day"],
      [{ submissionId: fb, status: "SUBMITTED", day: "2025-02-30" }, "day_invalid", "day"],
      [{ submissionId: fb, status: "SUBMITTED" }, "day_required", "day"],
      [{ submissionId: ig, status: "SUBMITTED", day: "2025-05-20" }, "covered"],
      [{ submissionId: fb, status: "NOT_APPLICABLE" }, "covers_others"],
      [{ submissionId: fb, status: "NOT_STARTED" }, "transition_invalid"],
      [{ submissionId: "cmunknown0000000000000000", status: "SUBMITTED", day: "2025-05-20" }, "not_found"],
    ];
    for (const [change, error, field] of attempts) {
      const result = await updateSubmissionStatus(userId, change, context);
      expect(result).toMatchObject({ ok: false, error });
      if (field) expect(result.ok || result.fieldErrors?.[field]).toBe(error);
    }

    ok(
      await updateSubmissionStatus(
        userId,
        { submissionId: fb, status: "SUBMITTED", day: "2025-05-20" },
        context,
      ),
    );
    const confirmEarly = await updateSubmissionStatus(
      userId,
      { submissionId: fb, status: "CONFIRMED", day: "2025-05-19" },
      context,
    );
    expect(confirmEarly).toMatchObject({ ok: false, error: "confirmed_before_submitted" });
    ok(await updateSubmissionStatus(userId, { submissionId: fb, status: "NOT_STARTED" }, context));

    const after = await db.submission.findMany({ where: { userId }, orderBy: { id: "asc" } });
    expect(after.map(({ updatedAt: _u, ...row }) => row)).toEqual(
      before.map(({ updatedAt: _u, ...row }) => row),
    );
    expect(diffCounters(await readCounters(campaign.id), countersBefore)).toEqual([]);
  });

  it("stores dates as noon UTC of the chosen day and refuses a future day with the clock moved", async () => {
    const campaign = freshCampaign();
    const userId = await person(campaign);
    ok(
      await saveQuestionnaire(
        userId,
        { accounts: [{ platform: "facebook", emails: [null] }], accountsLinked: null },
        { campaign, now },
      ),
    );
    const fb = (await accounts(userId, campaign)).get("facebook:1")!.id;
    const later = new Date("2025-06-02T09:00:00Z");
    expect(
      await updateSubmissionStatus(
        userId,
        { submissionId: fb, status: "SUBMITTED", day: "2025-06-03" },
        { campaign, now },
      ),
    ).toMatchObject({ ok: false, error: "day_in_future" });
    ok(
      await updateSubmissionStatus(
        userId,
        { submissionId: fb, status: "SUBMITTED", day: "2025-06-02" },
        { campaign, now: later },
      ),
    );
    const row = await db.submission.findUniqueOrThrow({ where: { id: fb } });
    expect(row.submittedAt?.toISOString()).toBe("2025-06-02T12:00:00.000Z");
  });

  it("the database refuses what the domain refuses (check constraints)", async () => {
    const campaign = freshCampaign();
    const userId = await person(campaign);
    const write = (data: Record<string, unknown>) =>
      db.submission.create({
        data: { userId, campaignId: campaign.id, platform: "facebook", accountIndex: 1, ...data },
      });
    await expect(write({ status: "CONFIRMED", confirmedAt: now })).rejects.toThrow();
    await expect(write({ note: "x".repeat(501) })).rejects.toThrow();
    await expect(write({ accountIndex: 11 })).rejects.toThrow();
    await expect(
      write({ status: "CONFIRMED", submittedAt: now, confirmedAt: new Date(now.getTime() - 86_400_000) }),
    ).rejects.toThrow();
    expect(await db.submission.count({ where: { userId } })).toBe(0);
  });
});

describe("the dashboard's reading", () => {
  it("switches the guidance at the deadline with a moved clock, and only shows the person's own rows", async () => {
    const campaign = freshCampaign();
    const userId = await person(campaign);
    const other = await person(campaign);
    ok(
      await saveQuestionnaire(
        userId,
        { accounts: [{ platform: "facebook", emails: [null] }], accountsLinked: null },
        { campaign, now },
      ),
    );
    ok(
      await saveQuestionnaire(
        other,
        { accounts: [{ platform: "instagram", emails: [null, null] }], accountsLinked: null },
        { campaign, now },
      ),
    );

    const before = await getTracker(userId, { campaign, now });
    expect(before?.guidance).toEqual({ key: "before", left: 1, days: 7 });
    expect(before?.deadline.phase).toBe("before");
    const after = await getTracker(userId, { campaign, now: new Date("2025-06-15T10:00:00Z") });
    expect(after?.guidance).toEqual({ key: "after", left: 1 });
    expect(after?.platforms.map((p) => p.platform.id)).toEqual(["facebook"]);
    expect(after?.platforms[0]?.accounts).toHaveLength(1);

    const stranger = await db.user.create({ data: { email: `nopledge-${randomUUID()}@example.test` } });
    expect(await getTracker(stranger.id, { campaign, now })).toBeNull();
  });
});

describe("broken link reports", () => {
  it("stores one open report per person and platform, counted per platform for the organiser", async () => {
    const campaign = freshCampaign();
    const [ada, bob] = [await person(campaign), await person(campaign)];
    expect(ok(await reportBrokenLink(ada, "whatsapp", { campaign }))).toEqual({ isNew: true });
    expect(ok(await reportBrokenLink(ada, "whatsapp", { campaign }))).toEqual({ isNew: false });
    ok(await reportBrokenLink(bob, "whatsapp", { campaign }));
    ok(await reportBrokenLink(bob, "facebook", { campaign }));
    expect(await reportBrokenLink(bob, "myspace", { campaign })).toMatchObject({
      ok: false,
      error: "platform_invalid",
    });

    const counts = await countOpenLinkReports(campaign.id);
    expect(counts.map(({ platform, open }) => ({ platform, open }))).toEqual([
      { platform: "whatsapp", open: 2 },
      { platform: "facebook", open: 1 },
    ]);
    expect(await resolveLinkReports(campaign.id, "whatsapp", now)).toBe(2);
    expect((await countOpenLinkReports(campaign.id)).map((c) => c.platform)).toEqual(["facebook"]);
    expect(ok(await reportBrokenLink(ada, "whatsapp", { campaign }))).toEqual({ isNew: true });
  });
});
