import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type Campaign, loadCampaign, retentionCutoff } from "@/lib/campaign";
import { db } from "@/lib/db";
import { type RetentionReport, runRetention } from "@/lib/privacy";

// The retention job with a moved clock: nothing personal outlives the campaign by more
// than retentionDays, unconfirmed pledges go after 7 days, and spent tokens, mail
// bodies and rate limits are swept. Each test has its own campaign id.

const DAY = 24 * 60 * 60 * 1000;

function testCampaign(): Campaign {
  const base = loadCampaign({ deadline: "2031-05-27T00:00:00+02:00" });
  return { ...base, id: `ret-${randomUUID().slice(0, 12)}`, retentionDays: 30 };
}

async function person(c: Campaign, options: { verifiedAt: Date | null; createdAt: Date }) {
  const email = `ret-${randomUUID()}@example.test`;
  const user = await db.user.create({ data: { email, createdAt: options.createdAt } });
  await db.pledge.create({
    data: {
      userId: user.id,
      campaignId: c.id,
      country: "DE",
      platforms: ["facebook"],
      locale: "en",
      verifiedAt: options.verifiedAt,
      createdAt: options.createdAt,
      referralCode: randomUUID().replaceAll("-", "").slice(0, 12),
    },
  });
  return { id: user.id, email, campaignId: c.id };
}

// The files of a run share one database and the job erases every campaign past its
// cutoff: what earlier files left is swept first, so that these tests time their own rows.
beforeAll(async () => {
  await runRetention({ campaign: loadCampaign(), now: new Date("2100-01-01T00:00:00Z") });
}, 600_000);

const exists = async (id: string) => (await db.user.count({ where: { id } })) === 1;

describe("retention", () => {
  it("erases everyone of the campaign once deadline + retentionDays has passed, not before", async () => {
    const c = testCampaign();
    const cutoff = retentionCutoff(c);
    const createdAt = new Date(cutoff.getTime() - 60 * DAY);
    const a = await person(c, { verifiedAt: createdAt, createdAt });
    const b = await person(c, { verifiedAt: createdAt, createdAt });
    const other = await person(
      { ...c, id: `other-${randomUUID().slice(0, 8)}` },
      { verifiedAt: createdAt, createdAt },
    );
    await db.outboxEmail.create({
      data: { kind: "reminder", to: a.email, subject: "s", idempotencyKey: randomUUID(), status: "SENT" },
    });

    // Other campaigns recorded earlier may be past their own cutoffs: only this one's entry counts here.
    const ofThis = (report: RetentionReport) => report.campaigns.find((entry) => entry.id === c.id);
    const early = await runRetention({ campaign: c, now: new Date(cutoff.getTime() - 1000) });
    expect(early.isPastCutoff).toBe(false);
    expect(ofThis(early)).toEqual({ id: c.id, cutoff: cutoff.toISOString(), isPastCutoff: false, erased: 0 });
    expect(await exists(a.id)).toBe(true);

    const dry = await runRetention({ campaign: c, now: new Date(cutoff.getTime() + DAY), isDryRun: true });
    expect(ofThis(dry)).toMatchObject({ isPastCutoff: true, erased: 2 });
    expect(await exists(a.id)).toBe(true);
    expect(await db.outboxEmail.count({ where: { to: a.email } })).toBe(1);

    const late = await runRetention({ campaign: c, now: new Date(cutoff.getTime() + DAY) });
    expect(late.isPastCutoff).toBe(true);
    expect(ofThis(late)).toMatchObject({ isPastCutoff: true, erased: 2 });
    expect(late.erasedAfterCampaign).toBe(dry.erasedAfterCampaign);
    expect(await exists(a.id)).toBe(false);
    expect(await exists(b.id)).toBe(false);
    expect(await db.outboxEmail.count({ where: { to: a.email } })).toBe(0);
    // Another campaign's people are not this campaign's to erase (nobody recorded that one).
    expect(await exists(other.id)).toBe(true);
    expect(late.unrecordedCampaignIds).toContain(other.campaignId);
    await db.user.delete({ where: { id: other.id } });
  });

  it("erases pledges not confirmed within 7 days, and keeps younger or confirmed ones", async () => {
    const c = testCampaign();
    const now = new Date(retentionCutoff(c).getTime() - 100 * DAY);
    const stale = await person(c, { verifiedAt: null, createdAt: new Date(now.getTime() - 8 * DAY) });
    const fresh = await person(c, { verifiedAt: null, createdAt: new Date(now.getTime() - 6 * DAY) });
    const old = new Date(now.getTime() - 30 * DAY);
    const confirmed = await person(c, { verifiedAt: old, createdAt: old });

    const dry = await runRetention({ campaign: c, now, isDryRun: true });
    expect(dry.erasedUnverified).toBeGreaterThanOrEqual(1);
    expect(await exists(stale.id)).toBe(true);

    await runRetention({ campaign: c, now });
    expect(await exists(stale.id)).toBe(false);
    expect(await exists(fresh.id)).toBe(true);
    expect(await exists(confirmed.id)).toBe(true);
  });

  it("sweeps expired magic links, sent mail bodies and expired rate limits", async () => {
    const c = testCampaign();
    const now = new Date(retentionCutoff(c).getTime() - 100 * DAY);
    const identifier = `tok-${randomUUID()}@example.test`;
    await db.verificationToken.createMany({
      data: [
        { identifier, token: `old-${randomUUID()}`, expires: new Date(now.getTime() - 1000) },
        { identifier, token: `live-${randomUUID()}`, expires: new Date(now.getTime() + DAY) },
      ],
    });
    const sent = await db.outboxEmail.create({
      data: {
        kind: "sign-in",
        to: identifier,
        subject: "s",
        html: "<p>link</p>",
        text: "link",
        headers: { a: "b" },
        idempotencyKey: randomUUID(),
        status: "SENT",
      },
    });
    const pending = await db.outboxEmail.create({
      data: { kind: "sign-in", to: identifier, subject: "s", text: "link", idempotencyKey: randomUUID() },
    });
    const key = `test:${randomUUID()}`;
    await db.rateLimit.createMany({
      data: [
        { key: `${key}:old`, points: 1, expire: BigInt(now.getTime() - 1000) },
        { key: `${key}:live`, points: 1, expire: BigInt(now.getTime() + 60_000) },
      ],
    });

    const report = await runRetention({ campaign: c, now });
    expect(report.expiredVerificationTokens).toBeGreaterThanOrEqual(1);
    expect(report.clearedOutboxBodies).toBeGreaterThanOrEqual(1);
    expect(report.expiredRateLimits).toBeGreaterThanOrEqual(1);
    expect(await db.verificationToken.count({ where: { identifier } })).toBe(1);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      html: null,
      text: null,
      headers: null,
    });
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: pending.id } })).text).toBe("link");
    expect(await db.rateLimit.count({ where: { key: { startsWith: key } } })).toBe(1);
  });
});

describe("GET /api/cron/retention", () => {
  it("answers 404 without CRON_SECRET and never runs", async () => {
    const { GET } = await import("@/app/api/cron/retention/route");
    const response = await GET(new Request("http://localhost/api/cron/retention"));
    expect([401, 404]).toContain(response.status);
  });
});
