import { afterEach, describe, expect, it } from "vitest";
import { claimFreshBatch, LEASE_MS } from "@/lib/reminders/queue";
import { runReminders } from "@/lib/reminders/sender";
import {
  APP_URL,
  configureFake,
  deliveriesOf,
  emailsTo,
  later,
  pointOf,
  seedPeople,
  testCampaign,
} from "./reminders-helpers";

// Exactly once under crashes, lost answers, parallel senders and 429 storms.

const HOUR = 60 * 60 * 1000;

afterEach(async () => {
  await configureFake({ requestsPerSecond: 2, failNext: 0, loseNext: 0 });
});

async function countPerPerson(people: { email: string }[]): Promise<number[]> {
  return Promise.all(people.map(async (p) => (await emailsTo(p.email)).length));
}

describe("exactly once", () => {
  it("sends a dead sender's claimed batch once, after its lease ran out", async () => {
    const campaign = testCampaign();
    const people = await seedPeople(campaign, 5);
    const now = later(pointOf(campaign, "d14"), HOUR);
    await runReminders({ campaign, appUrl: APP_URL, now, maxBatches: 0 });
    // A sender claims the rows, then "dies" before sending anything.
    const claimed = await claimFreshBatch(campaign.id, later(now, 1000));
    expect(claimed?.rows).toHaveLength(5);

    const during = await runReminders({ campaign, appUrl: APP_URL, now: later(now, LEASE_MS / 2) });
    expect(during).toMatchObject({ sent: 0, batches: 0 });
    expect(await countPerPerson(people)).toEqual([0, 0, 0, 0, 0]);

    const after = await runReminders({ campaign, appUrl: APP_URL, now: later(now, LEASE_MS + 1000) });
    expect(after).toMatchObject({ sent: 5, batches: 1 });
    await runReminders({ campaign, appUrl: APP_URL, now: later(now, 3 * LEASE_MS) });
    expect(await countPerPerson(people)).toEqual([1, 1, 1, 1, 1]);
    expect((await deliveriesOf(campaign)).every((d) => d.status === "SENT")).toBe(true);
  });

  it("does not send twice when Resend delivered but the answer was lost", async () => {
    const campaign = testCampaign();
    const people = await seedPeople(campaign, 3);
    const now = later(pointOf(campaign, "d7"), HOUR);
    await configureFake({ loseNext: 1 });
    const first = await runReminders({ campaign, appUrl: APP_URL, now });
    expect(first).toMatchObject({ sent: 0, deferred: 3, more: false });
    expect(await countPerPerson(people)).toEqual([1, 1, 1]);

    const retry = await runReminders({ campaign, appUrl: APP_URL, now: later(now, 10 * 60_000) });
    expect(retry).toMatchObject({ sent: 3 });
    expect(await countPerPerson(people)).toEqual([1, 1, 1]);
    const rows = await deliveriesOf(campaign);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["SENT", 2],
      ["SENT", 2],
      ["SENT", 2],
    ]);
  });

  it("retries transient failures with backoff and records permanent ones", async () => {
    const campaign = testCampaign();
    const people = await seedPeople(campaign, 2);
    const now = later(pointOf(campaign, "d3"), HOUR);
    await configureFake({ failNext: 1 });
    expect(await runReminders({ campaign, appUrl: APP_URL, now })).toMatchObject({ sent: 0, deferred: 2 });
    // The backoff is 30 s: not due 10 s later, due a minute later.
    expect(await runReminders({ campaign, appUrl: APP_URL, now: later(now, 10_000) })).toMatchObject({
      sent: 0,
      batches: 0,
    });
    expect(await runReminders({ campaign, appUrl: APP_URL, now: later(now, 60_000) })).toMatchObject({
      sent: 2,
    });
    expect(await countPerPerson(people)).toEqual([1, 1]);
  });

  it("is safe with four senders in parallel", async () => {
    const campaign = testCampaign();
    const people = await seedPeople(campaign, 230);
    const now = later(pointOf(campaign, "d1"), HOUR);
    await configureFake({ requestsPerSecond: 0 });
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => runReminders({ campaign, appUrl: APP_URL, now, workerId: `w${n}` })),
    );
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(230);
    const counts = await countPerPerson(people);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    const rows = await deliveriesOf(campaign);
    expect(rows).toHaveLength(230);
    expect(rows.every((r) => r.status === "SENT" && r.reminderKey === "d1")).toBe(true);
  });

  it("honours 429 and retry-after in a storm (fake at 1 request per second)", async () => {
    const campaign = testCampaign();
    const people = await seedPeople(campaign, 250);
    const now = later(pointOf(campaign, "d0"), HOUR);
    await configureFake({ requestsPerSecond: 1 });
    const results = await Promise.all(
      [1, 2].map((n) => runReminders({ campaign, appUrl: APP_URL, now, workerId: `s${n}` })),
    );
    const sent = results.reduce((sum, r) => sum + r.sent, 0);
    const rateLimited = results.reduce((sum, r) => sum + r.rateLimited, 0);
    expect(await deliveriesOf(campaign)).toEqual(
      people.map(() => expect.objectContaining({ status: "SENT", lastError: null })),
    );
    expect(sent).toBe(250);
    expect(rateLimited).toBeGreaterThan(0);
    expect((await countPerPerson(people)).filter((n) => n !== 1)).toEqual([]);
    const subjects = new Set((await emailsTo(people[0]!.email)).map((e) => e.subject));
    expect(subjects).toEqual(new Set(["Today is the last day to object to Meta's AI training"]));
  });
});
