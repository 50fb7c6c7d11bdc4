import { randomUUID } from "node:crypto";
import { Resend } from "resend";
import { afterEach, describe, expect, it } from "vitest";
import { runReminders } from "@/lib/reminders/sender";
import type { FakeConfig } from "@/tests/fakes/resend-server";
import {
  APP_URL,
  deliveriesOf,
  emailsTo,
  FAKE,
  later,
  pointOf,
  seedPeople,
  testCampaign,
} from "./reminders-helpers";

// Reminders go through the same engine as the outbox: a recipient Resend refuses
// fails alone, and a refused API key keeps every reminder queued.

const HOUR = 60 * 60 * 1000;

async function configureFake(config: FakeConfig) {
  await fetch(`${FAKE}/_fake/config`, { method: "POST", body: JSON.stringify(config) });
}

afterEach(async () => {
  await configureFake({ requestsPerSecond: 2, failNext: 0, loseNext: 0, apiKey: null, rejectRecipients: [] });
});

describe("reminder failures", () => {
  it("Resend rejects one recipient (422): only that reminder fails, the others are sent once", async () => {
    const campaign = testCampaign();
    const people = await seedPeople(campaign, 5);
    const bad = people[2]!;
    await configureFake({ rejectRecipients: [bad.email] });
    const now = later(pointOf(campaign, "d7"), HOUR);

    const result = await runReminders({ campaign, appUrl: APP_URL, now });

    expect(result).toMatchObject({ sent: 4, failed: 1, deferred: 0 });
    for (const person of people) expect(await emailsTo(person.email)).toHaveLength(person === bad ? 0 : 1);
    const rows = await deliveriesOf(campaign);
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(4);
    const failed = rows.find((r) => r.userId === bad.userId);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed?.lastError).toMatch(/^422 validation_error/);
  });

  it("Resend refuses the API key (401): reminders stay queued and go out once the key is fixed", async () => {
    const campaign = testCampaign();
    const people = await seedPeople(campaign, 3);
    await configureFake({ apiKey: "re_test_fake_key" });
    const wrongKey = new Resend(`re_wrong_${randomUUID().slice(0, 8)}`, { baseUrl: FAKE });
    const now = later(pointOf(campaign, "d3"), HOUR);

    const refused = await runReminders({ campaign, appUrl: APP_URL, now, resend: wrongKey });
    expect(refused).toMatchObject({ sent: 0, failed: 0, deferred: 3, more: true });
    expect((await deliveriesOf(campaign)).map((r) => r.status)).toEqual(["SENDING", "SENDING", "SENDING"]);

    const fixed = await runReminders({ campaign, appUrl: APP_URL, now: later(now, 10 * 60_000) });
    expect(fixed).toMatchObject({ sent: 3, failed: 0, more: false });
    for (const person of people) expect(await emailsTo(person.email)).toHaveLength(1);
    expect((await deliveriesOf(campaign)).every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });
});
