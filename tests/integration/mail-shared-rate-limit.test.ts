import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { type FakeResend, startFakeResend } from "@/tests/fakes/resend-server";
import type { SenderMessage, SenderOrder, SenderReport } from "./mail-sender-process";
import { later, pointOf, testCampaign } from "./reminders-helpers";

// Resend's limit is per account: three app instances and two `npm run reminders`
// (five processes, each with its own pg pool and the real drain or reminders code)
// sending sign-up mail and a due reminder at once must stay under it together.

/** Resend's documented default, low enough that five processes each sending at it would get 429s. */
const RATE = 2;
const APPS = 3;
/** Each app queues and drains one sign-up at a time, as requests do: many small batches. */
const SIGN_UPS_PER_APP = 10;
const REMINDER_SENDERS = 2;
const PEOPLE = 250;
const HOUR = 60 * 60 * 1000;
const DEADLINE = "2030-06-01T00:00:00+02:00";

/** Verified, consenting pledges with everything still to do, in two queries. */
async function seedPeople(campaign: Campaign, count: number): Promise<string[]> {
  const verifiedAt = new Date("2030-01-01T00:00:00Z");
  const emails = Array.from({ length: count }, () => `shared-rem-${randomUUID()}@example.test`);
  const users = await db.user.createManyAndReturn({
    data: emails.map((email) => ({ email, emailVerified: verifiedAt })),
    select: { id: true },
  });
  await db.pledge.createMany({
    data: users.map((user) => ({
      userId: user.id,
      campaignId: campaign.id,
      country: "DE",
      platforms: ["facebook", "instagram"],
      locale: "en",
      remindersConsent: true,
      remindersConsentAt: verifiedAt,
      remindersConsentText: "Yes, email me reminders.",
      verifiedAt,
      referralCode: randomUUID().slice(0, 10),
    })),
  });
  return emails;
}

type Sender = { child: ChildProcess; ready: Promise<void>; done: Promise<SenderReport> };

function startSender(order: SenderOrder, env: NodeJS.ProcessEnv): Sender {
  const child = fork(path.resolve("tests/integration/mail-sender-process.ts"), [JSON.stringify(order)], {
    execArgv: ["--import", "tsx"],
    env,
  });
  const exited = new Promise<never>((_, reject) => {
    child.once("exit", (code) => reject(new Error(`sender ${order.name} exited with code ${code}`)));
  });
  const message = (type: SenderMessage["type"]) =>
    Promise.race([
      new Promise<SenderMessage>((resolve) => {
        const listen = (received: SenderMessage) => {
          if (received.type !== type) return;
          child.off("message", listen);
          resolve(received);
        };
        child.on("message", listen);
      }),
      exited,
    ]);
  const ready = message("ready").then(() => undefined);
  const done = message("done").then((received) =>
    received.type === "done" ? received.report : Promise.reject(new Error("no report")),
  );
  // Awaited later: a sender that dies early must fail the test, not warn about a rejection.
  for (const promise of [ready, done]) promise.catch(() => undefined);
  return { child, ready, done };
}

/** The most requests that reached the fake within any one second. */
function busiestSecond(fake: FakeResend): number {
  const arrivals = [
    ...new Map(fake.emails.map((email) => [email.idempotencyKey, Date.parse(email.receivedAt)])).values(),
  ].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < arrivals.length; last++) {
    while (arrivals[last]! - arrivals[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

let senders: Sender[] = [];
let fake: FakeResend | undefined;

afterEach(async () => {
  for (const sender of senders) if (sender.child.exitCode === null) sender.child.kill();
  senders = [];
  await fake?.close();
  fake = undefined;
});

describe("several processes, one sending limit", () => {
  it("keeps 3 app drains and 2 reminder senders together under Resend's limit: no 429, every email once", {
    // Five processes start (tsx) and send ~35 requests at 2 per second: about a minute
    // on a busy 2-core machine, most of it starting the processes.
    timeout: 300_000,
  }, async () => {
    // Files run one after another on one database: mail other files left queued on
    // purpose (a wrong key, a rejected batch) would be picked up by these drains and
    // counted here. Put it out of reach for this test; nothing else runs meanwhile.
    const outOfReach = new Date("2999-01-01T00:00:00Z");
    await db.outboxEmail.updateMany({
      where: { status: { in: ["PENDING", "SENDING"] } },
      data: { nextAttemptAt: outOfReach },
    });
    await db.reminderDelivery.updateMany({
      where: { status: { in: ["PENDING", "SENDING"] } },
      data: { nextAttemptAt: outOfReach },
    });
    fake = await startFakeResend({ requestsPerSecond: RATE });
    const campaign = testCampaign();
    const now = later(pointOf(campaign, "d1"), HOUR).toISOString();
    const run = randomUUID().slice(0, 8);
    const env = {
      ...process.env,
      RESEND_BASE_URL: fake.url,
      RESEND_REQUESTS_PER_SECOND: String(RATE),
      LOG_LEVEL: "warn",
    };
    const orders: SenderOrder[] = [
      ...Array.from({ length: APPS }, (_, i) => ({
        role: "app" as const,
        name: `app-${i}`,
        prefix: `shared-${run}-app${i}`,
        count: SIGN_UPS_PER_APP,
      })),
      ...Array.from({ length: REMINDER_SENDERS }, (_, i) => ({
        role: "reminders" as const,
        name: `reminders-${i}`,
        campaignId: campaign.id,
        deadline: DEADLINE,
        now,
      })),
    ];
    senders = orders.map((order) => startSender(order, env));
    // The processes take a while to start: seed meanwhile (they wait for "go").
    const [people] = await Promise.all([
      seedPeople(campaign, PEOPLE),
      ...senders.map((sender) => sender.ready),
    ]);
    for (const sender of senders) sender.child.send("go");
    const reports = await Promise.all(senders.map((sender) => sender.done));

    // Resend never had to say no, and each process waited for nothing but its turn.
    expect(fake.stats.rateLimited).toBe(0);
    expect(reports.map((r) => [r.rateLimited, r.failed, r.deferred])).toEqual(reports.map(() => [0, 0, 0]));
    // It was a real crowd: every app sent, and together they used the whole rate.
    expect(reports.slice(0, APPS).every((r) => r.sent > 0)).toBe(true);
    expect(fake.stats.requests).toBeGreaterThan(10 * RATE);
    expect(busiestSecond(fake)).toBe(RATE);

    const count = new Map<string, number>();
    for (const email of fake.emails) count.set(email.to[0]!, (count.get(email.to[0]!) ?? 0) + 1);
    const signUps = orders.flatMap((order) =>
      order.role === "app"
        ? Array.from({ length: order.count }, (_, i) => `${order.prefix}-${i}@example.test`)
        : [],
    );
    const expected = [...signUps, ...people];
    expect(expected.filter((address) => count.get(address) !== 1)).toEqual([]);
    expect(fake.emails).toHaveLength(expected.length);
    expect(
      await db.outboxEmail.count({ where: { to: { startsWith: `shared-${run}-` }, status: "SENT" } }),
    ).toBe(signUps.length);
    expect(await db.reminderDelivery.count({ where: { campaignId: campaign.id, status: "SENT" } })).toBe(
      PEOPLE,
    );
  });
});
