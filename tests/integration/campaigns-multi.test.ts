import { randomUUID } from "node:crypto";
import type { NextAuthConfig } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  type Campaign,
  loadCampaign,
  parseCampaign,
  retentionCutoff,
  campaign as runningCampaign,
} from "@/lib/campaign";
import { recordCampaign } from "@/lib/campaign/record";
import { db } from "@/lib/db";
import { savePledge } from "@/lib/pledges/create-pledge";
import { getOwnPledge } from "@/lib/pledges/queries";
import type { CountryCode } from "@/lib/pledges/rules";
import { markPledgeVerified } from "@/lib/pledges/verify-pledge";
import { exportPersonalData, runRetention } from "@/lib/privacy";
import { getReferralCard, joinLeaderboard, recordReferralVisit } from "@/lib/referrals";
import { computeStats, diffCounters, readCounters, recountStats } from "@/lib/stats";
import { getTracker, saveQuestionnaire, updateSubmissionStatus } from "@/lib/tracker";

// The next campaign on the same database: campaign A runs, the config moves on to B,
// the same person pledges again. Each campaign keeps its own pledge, tracker, referrals
// and figures, and A's personal data goes at A's own cutoff (its deadline + its
// retentionDays, recorded when A was first seen) while B's stays.

// Auth.js's configuration as lib/auth hands it over, to call its signIn callback.
const authJs = vi.hoisted(() => ({ config: undefined as NextAuthConfig | undefined }));
vi.mock("next-auth", () => ({
  default: (config: NextAuthConfig) => {
    authJs.config = config;
    return {
      handlers: {},
      auth: async () => null,
      signIn: async () => undefined,
      signOut: async () => undefined,
    };
  },
}));

const DAY = 24 * 60 * 60 * 1000;
const base = loadCampaign();
const tag = randomUUID().slice(0, 8);

/** A campaign built from the default one through the config schema, as a config file would be. */
function campaignFile(overrides: Record<string, unknown>): Campaign {
  return parseCampaign({ ...base, ...overrides }, `test campaign ${String(overrides.id)}`);
}

const A = campaignFile({
  id: `multi-a-${tag}`,
  deadline: { at: "2041-05-27T00:00:00+02:00", timeZone: "Europe/Brussels" },
  retentionDays: 30,
  objectionsOpenFrom: "2041-04-01",
});
// Starts before A's personal data is due for erasure, in another time zone, with
// objections possible only from its own date.
const B = campaignFile({
  id: `multi-b-${tag}`,
  deadline: { at: "2041-09-30T00:00:00+01:00", timeZone: "Europe/Lisbon" },
  retentionDays: 60,
  objectionsOpenFrom: "2041-06-01",
});

const duringA = new Date("2041-05-01T10:00:00Z");
// 23:30 in Lisbon, already the next day in Brussels: B's day counters are in B's zone.
const duringB = new Date("2041-06-10T22:30:00Z");
const cutoffA = retentionCutoff(A);
const cutoffB = retentionCutoff(B);

type Pledger = { userId: string; pledgeId: string };

async function pledge(
  campaign: Campaign,
  email: string,
  now: Date,
  options: { referralCode?: string; country?: CountryCode } = {},
): Promise<Pledger & { created: boolean }> {
  const saved = await savePledge(
    {
      email,
      firstName: "Ada",
      country: options.country ?? "PT",
      platforms: ["facebook", "instagram"],
      remindersConsent: false,
      locale: "en",
    },
    { campaign, now, consentText: "", referralCode: options.referralCode, signupNetworkHash: null },
  );
  expect(await markPledgeVerified(saved.userId, now, campaign)).not.toBeNull();
  return saved;
}

async function codeOf(pledgeId: string): Promise<string> {
  return (await db.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).referralCode;
}

function ok<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
}

/** The campaign's counters, checked equal to a recount from its rows (days in its own zone). */
async function exactCounters(campaign: Campaign): Promise<Map<string, number>> {
  const counters = await readCounters(campaign.id);
  expect(diffCounters(counters, await recountStats(campaign.id)), campaign.id).toEqual([]);
  return counters;
}

async function fileFacebook(userId: string, campaign: Campaign, now: Date, day: string) {
  ok(
    await saveQuestionnaire(
      userId,
      {
        accounts: [
          { platform: "facebook", emails: [null] },
          { platform: "instagram", emails: [null] },
        ],
        accountsLinked: false,
      },
      { campaign, now },
    ),
  );
  const tracker = await getTracker(userId, { campaign, now });
  const facebook = tracker?.platforms.find((p) => p.platform.id === "facebook")?.accounts[0];
  if (!facebook) throw new Error("no facebook account on the tracker");
  return updateSubmissionStatus(
    userId,
    { submissionId: facebook.id, status: "SUBMITTED", day },
    { campaign, now },
  );
}

const rowsOf = async (userId: string, campaignId: string) => ({
  pledges: await db.pledge.count({ where: { userId, campaignId } }),
  submissions: await db.submission.count({ where: { userId, campaignId } }),
});
const userExists = async (userId: string) => (await db.user.count({ where: { id: userId } })) === 1;

// The files of a run share one database and the job erases every campaign past its
// cutoff: what earlier files left is swept first, so that these tests time their own rows.
beforeAll(async () => {
  await runRetention({ campaign: loadCampaign(), now: new Date("2100-01-01T00:00:00Z") });
}, 600_000);

describe("two campaigns on one database", () => {
  it("the same person pledges and tracks in both, figures stay exact, A is erased at A's cutoff", async () => {
    const adaEmail = `multi-ada-${tag}@example.test`;

    // ---- Campaign A runs.
    const adaA = await pledge(A, adaEmail, duringA);
    const bob = await pledge(A, `multi-bob-${tag}@example.test`, duringA, {
      referralCode: await codeOf(adaA.pledgeId),
      country: "BE",
    });
    const cleo = await pledge(A, `multi-cleo-${tag}@example.test`, duringA);
    ok(await fileFacebook(adaA.userId, A, duringA, "2041-04-20"));
    expect(await joinLeaderboard(adaA.userId, "Ada A", duringA, A.id)).toBe(true);

    // ---- The config moves on to B; Ada pledges again, invited links still work.
    const adaB = await pledge(B, adaEmail, duringB);
    expect(adaB).toMatchObject({ userId: adaA.userId, created: true });
    expect(adaB.pledgeId).not.toBe(adaA.pledgeId);
    // Pledging again in B is "already pledged" there, and never touches A's pledge.
    expect(
      await savePledge(
        { email: adaEmail, country: "DE", platforms: ["facebook"], remindersConsent: false, locale: "en" },
        { campaign: B, now: duringB, consentText: "", signupNetworkHash: null },
      ),
    ).toMatchObject({ pledgeId: adaB.pledgeId, created: false, verified: true });
    expect(await markPledgeVerified(adaA.userId, duringB, B)).toBeNull();
    // One pledge per person and campaign, in the database too.
    await expect(
      db.pledge.create({
        data: {
          userId: adaA.userId,
          campaignId: B.id,
          country: "PT",
          platforms: ["facebook"],
          locale: "en",
          referralCode: randomUUID().replaceAll("-", "").slice(0, 12),
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });

    // A link shared during A credits its owner's pledge in B, never the one in A.
    const dan = await pledge(B, `multi-dan-${tag}@example.test`, duringB, {
      referralCode: await codeOf(adaA.pledgeId),
    });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: dan.pledgeId } })).referredById).toBe(
      adaB.pledgeId,
    );
    expect(await recordReferralVisit(await codeOf(adaA.pledgeId), duringB, B)).toBe(true);

    // Each campaign's tracker is its own: B starts empty and refuses days before B opened.
    const trackerB = await getTracker(adaA.userId, { campaign: B, now: duringB });
    expect(trackerB?.platforms).toEqual([]);
    expect(trackerB?.days.earliest).toBe("2041-06-01");
    expect(await fileFacebook(adaA.userId, B, duringB, "2041-05-20")).toMatchObject({
      ok: false,
      error: "day_too_early",
    });
    ok(await fileFacebook(adaA.userId, B, duringB, "2041-06-05"));
    expect(
      (await getTracker(adaA.userId, { campaign: A, now: duringB }))?.platforms.map((p) => p.platform.id),
    ).toEqual(["facebook", "instagram"]);

    // The dashboard's reads follow the campaign they are given.
    expect((await getOwnPledge(adaA.userId, A.id))?.id).toBe(adaA.pledgeId);
    expect((await getOwnPledge(adaA.userId, B.id))?.id).toBe(adaB.pledgeId);
    expect(await getReferralCard(adaA.userId, A.id)).toMatchObject({
      verified: 1,
      visits: 0,
      isOnLeaderboard: true,
    });
    expect(await getReferralCard(adaA.userId, B.id)).toMatchObject({
      verified: 1,
      visits: 1,
      isOnLeaderboard: false,
    });

    // ---- Both campaigns' figures.
    const figures = async (campaign: Campaign, now: Date) =>
      computeStats(await exactCounters(campaign), campaign, { now, maxStalenessSeconds: 60 });
    const statsA = await figures(A, duringB);
    expect(statsA.totals).toMatchObject({
      pledges: 3,
      verifiedPledges: 3,
      referredPledges: 1,
      objectionsSubmitted: 1,
    });
    expect(statsA.perDay).toEqual([{ day: "2041-05-01", count: 3 }]);
    const statsB = await figures(B, duringB);
    expect(statsB.totals).toMatchObject({
      pledges: 2,
      verifiedPledges: 2,
      referredPledges: 1,
      objectionsSubmitted: 1,
    });
    expect(statsB.perDay).toEqual([{ day: "2041-06-10", count: 2 }]);

    // Both campaigns were recorded when first seen, with their own deadline and retention.
    expect(
      await db.campaignRecord.findMany({ where: { id: { in: [A.id, B.id] } }, orderBy: { id: "asc" } }),
    ).toEqual([
      expect.objectContaining({ id: A.id, deadlineAt: new Date(A.deadline.at), retentionDays: 30 }),
      expect.objectContaining({
        id: B.id,
        deadlineAt: new Date(B.deadline.at),
        retentionDays: 60,
        timeZone: "Europe/Lisbon",
      }),
    ]);

    // ---- Retention, with B as the running campaign: nothing of A before A's cutoff...
    const early = await runRetention({ campaign: B, now: new Date(cutoffA.getTime() - 1000) });
    expect(early.campaigns.find((c) => c.id === A.id)).toMatchObject({ isPastCutoff: false, erased: 0 });
    expect(await rowsOf(adaA.userId, A.id)).toEqual({ pledges: 1, submissions: 2 });

    // ...then A's personal data goes at A's cutoff, though A is no longer configured.
    const dry = await runRetention({ campaign: B, now: new Date(cutoffA.getTime() + DAY), isDryRun: true });
    expect(dry.campaigns.find((c) => c.id === A.id)).toMatchObject({ isPastCutoff: true, erased: 3 });
    expect(await userExists(bob.userId)).toBe(true);
    const report = await runRetention({ campaign: B, now: new Date(cutoffA.getTime() + DAY) });
    expect(report.campaigns.find((c) => c.id === A.id)).toMatchObject({
      cutoff: cutoffA.toISOString(),
      isPastCutoff: true,
      erased: 3,
    });
    expect(report.campaigns.find((c) => c.id === B.id)).toMatchObject({ isPastCutoff: false, erased: 0 });
    expect(report).toMatchObject({ cutoff: cutoffB.toISOString(), isPastCutoff: false });

    // Ada keeps her account and everything of B; nothing of A is left about anyone.
    expect(await rowsOf(adaA.userId, A.id)).toEqual({ pledges: 0, submissions: 0 });
    expect(await rowsOf(adaA.userId, B.id)).toEqual({ pledges: 1, submissions: 2 });
    expect(await userExists(adaA.userId)).toBe(true);
    expect(await userExists(bob.userId)).toBe(false);
    expect(await userExists(cleo.userId)).toBe(false);
    expect(await userExists(dan.userId)).toBe(true);
    expect(await db.pledge.count({ where: { campaignId: A.id } })).toBe(0);
    expect(await db.submission.count({ where: { campaignId: A.id } })).toBe(0);
    const exported = await exportPersonalData(adaA.userId);
    expect(exported?.pledges.map((p) => p.campaignId)).toEqual([B.id]);
    expect(exported?.submissions.every((s) => s.campaignId === B.id)).toBe(true);

    // A's counters follow its rows (nobody left); B's did not move.
    expect((await figures(A, cutoffA)).totals).toMatchObject({
      pledges: 0,
      verifiedPledges: 0,
      objectionsSubmitted: 0,
    });
    expect((await figures(B, cutoffA)).totals).toEqual(statsB.totals);
    expect(await getReferralCard(adaA.userId, B.id)).toMatchObject({ verified: 1, visits: 1 });
    expect(await getOwnPledge(adaA.userId, A.id)).toBeNull();

    // ---- At B's own cutoff the last campaign of Ada's goes, and her account with it.
    await runRetention({ campaign: B, now: new Date(cutoffB.getTime() + DAY) });
    expect(await userExists(adaA.userId)).toBe(false);
    expect(await userExists(dan.userId)).toBe(false);
    expect((await figures(B, cutoffB)).totals).toMatchObject({ pledges: 0, verifiedPledges: 0 });
  });

  it("records a campaign's changed deadline or retention, keeping when it was first seen", async () => {
    const c = campaignFile({ id: `multi-c-${tag}`, retentionDays: 10 });
    await recordCampaign(c);
    const first = await db.campaignRecord.findUniqueOrThrow({ where: { id: c.id } });
    await recordCampaign(c);
    expect(await db.campaignRecord.findUniqueOrThrow({ where: { id: c.id } })).toEqual(first);

    const extended = campaignFile({
      ...c,
      deadline: { ...c.deadline, at: "2025-06-27T00:00:00+02:00" },
      retentionDays: 20,
    });
    await recordCampaign(extended);
    const after = await db.campaignRecord.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({
      deadlineAt: new Date("2025-06-26T22:00:00Z"),
      retentionDays: 20,
      firstSeenAt: first.firstSeenAt,
    });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
  });

  it("keeps rows of a campaign nobody recorded, and says so", async () => {
    const unknownId = `multi-unknown-${tag}`;
    const user = await db.user.create({ data: { email: `multi-unknown-${tag}@example.test` } });
    await db.pledge.create({
      data: {
        userId: user.id,
        campaignId: unknownId,
        country: "DE",
        platforms: ["facebook"],
        locale: "en",
        verifiedAt: new Date(),
        referralCode: randomUUID().replaceAll("-", "").slice(0, 12),
      },
    });
    const report = await runRetention({ campaign: B, now: new Date(cutoffB.getTime() + 365 * DAY) });
    expect(report.unrecordedCampaignIds).toContain(unknownId);
    expect(await userExists(user.id)).toBe(true);
    await db.user.delete({ where: { id: user.id } });
  });

  it("lets someone from an earlier campaign sign in (to export or delete), and verifies only the running campaign's pledge", async () => {
    await import("@/lib/auth");
    const signIn = authJs.config?.callbacks?.signIn;
    if (!signIn) throw new Error("lib/auth gave Auth.js no signIn callback");
    const email = `multi-signin-${tag}@example.test`;
    const onlyInB = await pledge(B, email, duringB);
    const linkFor = (userId: string) =>
      signIn({ user: { id: userId, email }, account: null, email: { verificationRequest: true } });
    expect(await linkFor(onlyInB.userId)).toBe(true);
    expect(await linkFor("no-such-user")).toBe(false);

    const running = runningCampaign();
    await savePledge(
      { email, country: "DE", platforms: ["facebook"], remindersConsent: false, locale: "en" },
      { campaign: running, now: new Date(), consentText: "", signupNetworkHash: null },
    );
    expect(await linkFor(onlyInB.userId)).toBe(true);
    // The click verifies the running campaign's pledge only.
    expect(await markPledgeVerified(onlyInB.userId, new Date())).not.toBeNull();
    // Ordered by campaign id, not by creation: each pledge's created_at is its own
    // campaign's clock (B's lies in the future here).
    const pledges = await db.pledge.findMany({
      where: { userId: onlyInB.userId },
      select: { campaignId: true, verifiedAt: true },
    });
    expect(pledges.sort((a, b) => a.campaignId.localeCompare(b.campaignId))).toEqual(
      [
        { campaignId: B.id, verifiedAt: duringB },
        { campaignId: running.id, verifiedAt: expect.any(Date) },
      ].sort((a, b) => a.campaignId.localeCompare(b.campaignId)),
    );
  });
});
