import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashEmail } from "@/lib/mail";
import { recordDone } from "@/lib/reminders/done";
import { runReminders } from "@/lib/reminders/sender";
import { signToken } from "@/lib/reminders/tokens";
import { readCounters } from "@/lib/stats/counters";
import {
  APP_URL,
  configureFake,
  deliveriesOf,
  emailsTo,
  later,
  pointOf,
  seedPerson,
  testCampaign,
} from "./reminders-helpers";

// Real PostgreSQL, the real resend SDK and the fake Resend server; the clock is moved
// with `now`.

const HOUR = 60 * 60 * 1000;

afterEach(async () => {
  await configureFake({ requestsPerSecond: 2, failNext: 0, loseNext: 0 });
});

describe("who gets which reminder", () => {
  it("sends the due reminder once to the right people, with links and unsubscribe headers", async () => {
    const campaign = testCampaign();
    const ada = await seedPerson(campaign, { firstName: "Ada <3" });
    const noConsent = await seedPerson(campaign, { consent: false });
    const unsubscribed = await seedPerson(campaign, { unsubscribedAt: new Date("2030-02-01T00:00:00Z") });
    const suppressed = await seedPerson(campaign);
    await db.emailSuppression.create({ data: { emailHash: hashEmail(suppressed.email), reason: "BOUNCE" } });
    const finished = await seedPerson(campaign, { finished: true });
    const unverified = await seedPerson(campaign, { verifiedAt: null });

    const now = later(pointOf(campaign, "d7"), HOUR);
    const first = await runReminders({ campaign, appUrl: APP_URL, now });
    expect(first).toMatchObject({ due: "d7", enqueued: 1, sent: 1, failed: 0, more: false });

    const [email, ...others] = await emailsTo(ada.email);
    expect(others).toHaveLength(0);
    expect(email?.subject).toBe("7 days left to object to Meta's AI training");
    expect(email?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email?.headers["List-Unsubscribe"]).toMatch(
      /^<http:\/\/localhost:3999\/api\/unsubscribe\?t=[\w.-]+>$/,
    );
    expect(email?.text).toContain("Hi Ada <3,");
    expect(email?.html).toContain("Ada &lt;3");
    expect(email?.text).toContain("Facebook: 1 objection");
    expect(email?.text).toContain("Instagram: 1 objection");
    expect(email?.text).toContain("https://www.facebook.com/help/contact/712876720715583");
    expect(email?.text).toMatch(/http:\/\/localhost:3999\/en\/done\?t=[\w.-]+/);
    expect(email?.text).toMatch(/http:\/\/localhost:3999\/en\/unsubscribe\?t=[\w.-]+/);
    expect(email?.text).not.toMatch(/RMPH/);
    for (const other of [noConsent, unsubscribed, suppressed, finished, unverified]) {
      expect(await emailsTo(other.email)).toHaveLength(0);
    }

    const again = await runReminders({ campaign, appUrl: APP_URL, now: later(now, 2 * HOUR) });
    expect(again).toMatchObject({ due: "d7", enqueued: 0, sent: 0 });
    expect(await emailsTo(ada.email)).toHaveLength(1);

    await runReminders({ campaign, appUrl: APP_URL, now: later(pointOf(campaign, "d3"), HOUR) });
    const subjects = (await emailsTo(ada.email)).map((e) => e.subject);
    expect(subjects).toEqual([
      "7 days left to object to Meta's AI training",
      "3 days left to object to Meta's AI training",
    ]);
  });

  it("gives someone who pledged after d7 was due the d3 reminder, not d7 late", async () => {
    const campaign = testCampaign();
    const d7 = pointOf(campaign, "d7");
    const late = await seedPerson(campaign, { verifiedAt: later(d7, 2 * HOUR) });
    expect(await runReminders({ campaign, appUrl: APP_URL, now: later(d7, 3 * HOUR) })).toMatchObject({
      sent: 0,
    });
    expect(await runReminders({ campaign, appUrl: APP_URL, now: later(d7, 30 * HOUR) })).toMatchObject({
      due: null,
    });
    await runReminders({ campaign, appUrl: APP_URL, now: later(pointOf(campaign, "d3"), HOUR) });
    expect((await emailsTo(late.email)).map((e) => e.subject)).toEqual([
      "3 days left to object to Meta's AI training",
    ]);
  });

  it("sends nothing to someone who finishes between queueing and sending", async () => {
    const campaign = testCampaign();
    const person = await seedPerson(campaign, { platforms: ["facebook"] });
    const now = later(pointOf(campaign, "d1"), HOUR);
    const queued = await runReminders({ campaign, appUrl: APP_URL, now, maxBatches: 0 });
    expect(queued).toMatchObject({ enqueued: 1, sent: 0, more: true });

    const token = signToken({
      purpose: "done",
      userId: person.userId,
      campaignId: campaign.id,
      platform: "facebook",
      expiresAt: later(now, 24 * HOUR),
    });
    const done = await recordDone(token, campaign, now);
    expect(done).toMatchObject({ ok: true, data: { changed: 1 } });

    const run = await runReminders({ campaign, appUrl: APP_URL, now });
    expect(run).toMatchObject({ sent: 0, skipped: 1 });
    expect(await emailsTo(person.email)).toHaveLength(0);
    expect(await deliveriesOf(campaign)).toEqual([
      expect.objectContaining({ reminderKey: "d1", status: "SKIPPED", lastError: "nothing_to_do" }),
    ]);
  });

  it("sends one 'you can still object' email after the deadline, only to people not done", async () => {
    const campaign = testCampaign();
    const open = await seedPerson(campaign);
    const finished = await seedPerson(campaign, { finished: true });
    const after = later(pointOf(campaign, "after"), HOUR);
    await runReminders({ campaign, appUrl: APP_URL, now: after });
    await runReminders({ campaign, appUrl: APP_URL, now: later(after, 24 * HOUR) });
    const received = await emailsTo(open.email);
    expect(received.map((e) => e.subject)).toEqual([
      "The deadline has passed, but you can still object to Meta's AI training",
    ]);
    expect(await emailsTo(finished.email)).toHaveLength(0);
    expect(
      await runReminders({ campaign, appUrl: APP_URL, now: later(after, 10 * 24 * HOUR) }),
    ).toMatchObject({ due: null, sent: 0 });
  });
});

describe("I've filed it", () => {
  it("marks the platform's open accounts SUBMITTED today and moves the counters in one go", async () => {
    const campaign = testCampaign();
    const person = await seedPerson(campaign, { platforms: ["facebook", "instagram"] });
    const now = later(pointOf(campaign, "d3"), HOUR);
    const token = signToken({
      purpose: "done",
      userId: person.userId,
      campaignId: campaign.id,
      platform: "instagram",
      expiresAt: later(now, HOUR),
    });
    expect(await recordDone(token, campaign, now)).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await recordDone(token, campaign, now)).toMatchObject({ ok: true, data: { changed: 0 } });
    const rows = await db.submission.findMany({
      where: { userId: person.userId, campaignId: campaign.id },
      select: { platform: true, status: true, submittedAt: true },
      orderBy: { platform: "asc" },
    });
    expect(rows).toEqual([
      { platform: "facebook", status: "NOT_STARTED", submittedAt: null },
      { platform: "instagram", status: "SUBMITTED", submittedAt: new Date("2030-05-28T12:00:00.000Z") },
    ]);
    const counters = await readCounters(campaign.id);
    expect(counters.get("submitted:instagram")).toBe(1);
    expect(counters.get("finished") ?? 0).toBe(0);

    const facebook = signToken({
      purpose: "done",
      userId: person.userId,
      campaignId: campaign.id,
      platform: "facebook",
      expiresAt: later(now, HOUR),
    });
    await recordDone(facebook, campaign, now);
    expect((await readCounters(campaign.id)).get("finished")).toBe(1);
    const pledge = await db.pledge.findFirstOrThrow({ where: { userId: person.userId } });
    expect(pledge.finishedAt).toEqual(now);
  });

  it("refuses expired, tampered and wrong-purpose tokens", async () => {
    const campaign = testCampaign();
    const person = await seedPerson(campaign);
    const now = new Date("2030-05-20T10:00:00Z");
    const claims = { userId: person.userId, campaignId: campaign.id, platform: "facebook" };
    const expired = signToken({ ...claims, purpose: "done", expiresAt: later(now, -1) });
    const unsubscribe = signToken({ ...claims, purpose: "unsubscribe", expiresAt: later(now, HOUR) });
    const valid = signToken({ ...claims, purpose: "done", expiresAt: later(now, HOUR) });
    const tampered = `${valid.slice(0, -2)}${valid.endsWith("A") ? "B" : "A"}A`;
    expect(await recordDone(expired, campaign, now)).toEqual({ ok: false, error: "token_expired" });
    expect(await recordDone(unsubscribe, campaign, now)).toEqual({ ok: false, error: "token_purpose" });
    expect(await recordDone(tampered, campaign, now)).toEqual({ ok: false, error: "token_invalid" });
    expect(await db.submission.count({ where: { userId: person.userId } })).toBe(0);
  });
});
