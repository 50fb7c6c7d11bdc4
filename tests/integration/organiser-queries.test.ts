import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildStatsCsv } from "@/lib/organiser/build-stats-csv";
import { getCampaignHealth } from "@/lib/organiser/get-campaign-health";
import { getOverview } from "@/lib/organiser/get-overview";
import { dryRunReminder, getReminderOverview } from "@/lib/organiser/get-reminder-overview";
import { listReviews } from "@/lib/organiser/list-reviews";
import { dismissFlaggedReferrals } from "@/lib/referrals/fraud";
import { LEASE_MS } from "@/lib/reminders/queue";
import { runReminders } from "@/lib/reminders/sender";
import { APP_URL, later, pointOf, seedPeople, seedPerson, testCampaign } from "./reminders-helpers";

// The console's queries against a real database: counts only, each test in its own
// campaign so that other suites' rows never show.

describe("organiser queries", () => {
  it("overview: pledges, verification rate, referral share, objections and reminders", async () => {
    const campaign = testCampaign();
    const [a, b] = await seedPeople(campaign, 2);
    await seedPerson(campaign, { verifiedAt: null });
    const referrer = await db.pledge.findFirstOrThrow({ where: { userId: a!.userId }, select: { id: true } });
    await db.pledge.updateMany({ where: { userId: b!.userId }, data: { referredById: referrer.id } });
    await db.submission.create({
      data: {
        userId: a!.userId,
        campaignId: campaign.id,
        platform: "facebook",
        accountIndex: 1,
        status: "CONFIRMED",
        submittedAt: new Date(),
        confirmedAt: new Date(),
      },
    });
    const overview = await getOverview(campaign, new Date());
    expect(overview.campaign).toMatchObject({ pledges: 3, verified: 2, referred: 1, referralShare: 0.5 });
    expect(overview.campaign.verificationRate).toBeCloseTo(2 / 3);
    expect(overview.campaign.platforms.find((p) => p.id === "facebook")).toMatchObject({
      submitted: 1,
      confirmed: 1,
    });
    expect(overview.perDay).toHaveLength(30);
    // The overview holds counts, never an address.
    expect(JSON.stringify(overview)).not.toContain("@");
  });

  it("reminders: dry run counts by language, a sent run is recorded, held batches are named", async () => {
    const campaign = testCampaign();
    await seedPeople(campaign, 3);
    const at = later(pointOf(campaign, "d7"), 60_000);
    const dry = await dryRunReminder(campaign, at);
    expect(dry).toEqual({ reminder: "d7", total: 3, queued: 0, byLocale: [{ locale: "en", count: 3 }] });
    expect(await db.reminderDelivery.count({ where: { campaignId: campaign.id } })).toBe(0);

    const result = await runReminders({ campaign, appUrl: APP_URL, now: at, source: "console" });
    expect(result).toMatchObject({ due: "d7", sent: 3, more: false });
    const run = await db.jobRun.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(run).toMatchObject({ job: "reminders", source: "console", status: "done", subject: "d7" });
    expect(run.summary).toMatchObject({ sent: 3, failed: 0 });

    // A sender claimed a batch and died: its rows wait under the lease.
    const late = await seedPerson(campaign, { verifiedAt: new Date("2029-01-01T00:00:00Z") });
    const d3 = later(pointOf(campaign, "d3"), 60_000);
    await db.reminderDelivery.create({
      data: {
        userId: late.userId,
        campaignId: campaign.id,
        reminderKey: "d3",
        status: "SENDING",
        claimedBy: `dead-${randomUUID()}`,
        claimedAt: d3,
        nextAttemptAt: new Date(d3.getTime() + LEASE_MS),
      },
    });
    const overview = await getReminderOverview(campaign, later(d3, 1000));
    expect(overview.due?.key).toBe("d3");
    expect(overview.waiting).toMatchObject({ heldDeliveries: 1, heldBatches: 1, retryDeliveries: 0 });
    expect(overview.waiting.nextRetryAt).toBe(new Date(d3.getTime() + LEASE_MS).toISOString());
    expect(overview.outcomes.d7).toEqual([{ status: "SENT", reason: null, count: 3 }]);
    const next = await runReminders({ campaign, appUrl: APP_URL, now: later(d3, 1000) });
    expect(next.more).toBe(false);
    expect(next.waiting.heldDeliveries).toBe(1);
  });

  it("reviews: link reports newest first, flagged referrals approve/dismiss, suppressions by reason", async () => {
    const campaign = testCampaign();
    const [referrer, invitee] = await seedPeople(campaign, 2);
    const referrerPledge = await db.pledge.findFirstOrThrow({ where: { userId: referrer!.userId } });
    await db.pledge.updateMany({
      where: { userId: invitee!.userId },
      data: {
        referredById: referrerPledge.id,
        referralFlaggedAt: new Date(),
        referralFlagReason: "network_burst",
      },
    });
    await db.linkReport.createMany({
      data: [
        { campaignId: campaign.id, platform: "facebook", createdAt: new Date("2030-01-01T00:00:00Z") },
        { campaignId: campaign.id, platform: "instagram", createdAt: new Date("2030-01-02T00:00:00Z") },
      ],
    });
    const reviews = await listReviews(campaign);
    expect(reviews.linkReports.map((r) => r.platform)).toEqual(["instagram", "facebook"]);
    expect(reviews.flaggedReferrals).toEqual([
      expect.objectContaining({
        referrerPledgeId: referrerPledge.id,
        flagged: 1,
        reasons: ["network_burst"],
      }),
    ]);
    expect(await dismissFlaggedReferrals(referrerPledge.id, new Date())).toBe(1);
    expect((await listReviews(campaign)).flaggedReferrals).toEqual([]);
    // Dismissed: still flagged, so still not counted.
    const kept = await db.pledge.findFirstOrThrow({ where: { userId: invitee!.userId } });
    expect(kept.referralFlaggedAt).not.toBeNull();
    expect(JSON.stringify(reviews)).not.toContain("@");
  });

  it("health: the config and its warnings", async () => {
    const campaign = testCampaign();
    const health = await getCampaignHealth(campaign, new Date());
    expect(health.config).toMatchObject({ id: campaign.id, retentionDays: campaign.retentionDays });
    expect(health.config.cadence.map((c) => c.key)).toEqual(["d14", "d7", "d3", "d1", "d0", "after"]);
    const codes = health.warnings.map((w) => w.code);
    // The integration run sets no webhook or cron secret and no retention has run.
    expect(codes).toEqual(expect.arrayContaining(["no_webhook_secret", "no_cron_secret", "retention_stale"]));
    expect(codes).not.toContain("deadline_passed_reminders_scheduled");

    // After the deadline, a d-reminder still queued is a warning.
    const person = await seedPerson(campaign);
    await db.reminderDelivery.create({
      data: { userId: person.userId, campaignId: campaign.id, reminderKey: "d0" },
    });
    const after = await getCampaignHealth(campaign, new Date("2031-01-01T00:00:00Z"));
    expect(after.warnings).toContainEqual(
      expect.objectContaining({ code: "deadline_passed_reminders_scheduled" }),
    );
  });

  it("CSV: per day and per country, small countries hidden exactly as the published stats", async () => {
    const campaign = testCampaign();
    await db.statCounter.createMany({
      data: [
        { campaignId: campaign.id, key: "pledges", shard: 0, value: 25n },
        { campaignId: campaign.id, key: "verified", shard: 0, value: 25n },
        { campaignId: campaign.id, key: "country:DE", shard: 0, value: 12n },
        { campaignId: campaign.id, key: "country:FR", shard: 0, value: 10n },
        { campaignId: campaign.id, key: "country:NL", shard: 0, value: 3n },
        { campaignId: campaign.id, key: "day:2030-05-20", shard: 0, value: 25n },
      ],
    });
    const csv = await buildStatsCsv(campaign);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("kind,key,verified_pledges");
    expect(lines).toContain("day,2030-05-20,25");
    expect(lines).toContain("country,DE,12");
    // NL (3) is under the threshold; FR (10) goes with it so that the hidden hold 10+.
    expect(lines).toContain("country,NL,hidden");
    expect(lines).toContain("country,FR,hidden");
    expect(csv).not.toContain("@");
  });
});
