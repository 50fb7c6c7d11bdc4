import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { campaignHeaders, drainOutbox, hashEmail, isSuppressed, queueEmail, sendBatch } from "@/lib/mail";
import type { FakeEmail } from "@/tests/fakes/resend-server";

// Real PostgreSQL, the real resend SDK, and the fake Resend server started by `npm test`.

const FAKE = process.env.FAKE_RESEND_URL;
if (!FAKE) throw new Error("FAKE_RESEND_URL is not set: run with `npm test -- --only=integration`");

type FakeState = {
  data: FakeEmail[];
  stats: { requests: number; rateLimited: number; idempotentReplays: number };
};

async function fake(to?: string): Promise<FakeState> {
  const response = await fetch(`${FAKE}/_fake/emails${to ? `?to=${encodeURIComponent(to)}` : ""}`);
  return (await response.json()) as FakeState;
}

const address = (label: string) => `${label}-${randomUUID()}@example.test`;

function email(to: string, overrides: Partial<Parameters<typeof queueEmail>[1]> = {}) {
  return {
    kind: "pledge-confirmed",
    to,
    subject: "Hello",
    html: `<p>Hello ${to}</p>`,
    text: `Hello ${to}`,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

afterEach(async () => {
  await fetch(`${FAKE}/_fake/config`, {
    method: "POST",
    body: JSON.stringify({ requestsPerSecond: 2, failNext: 0, loseNext: 0 }),
  });
});

describe("outbox", () => {
  it("delivers a queued email exactly once and clears its bodies", async () => {
    const to = address("once");
    const { id, queued } = await queueEmail(db, email(to));
    expect(queued).toBe(true);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");

    const result = await drainOutbox();
    expect(result.sent).toBeGreaterThanOrEqual(1);
    await drainOutbox();

    const { data } = await fake(to);
    expect(data).toHaveLength(1);
    expect(data[0]!.subject).toBe("Hello");
    expect(data[0]!.text).toBe(`Hello ${to}`);
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "SENT",
      html: null,
      text: null,
      providerId: data[0]!.id,
      attempts: 1,
    });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(data[0]!.idempotencyKey).toBe(`outbox-batch-${row.claimedBy}`);
  });

  it("gives every email its own X-Entity-Ref-ID", async () => {
    const to = address("ref");
    await queueEmail(db, email(to, { headers: { "X-Test": "1" } }));
    await queueEmail(db, email(to));
    await drainOutbox();
    const { data } = await fake(to);
    const refs = data.map((e) => e.headers["X-Entity-Ref-ID"]);
    expect(refs).toHaveLength(2);
    expect(new Set(refs).size).toBe(2);
    expect(data.some((e) => e.headers["X-Test"] === "1")).toBe(true);
  });

  it("ignores a re-queue with an existing idempotency key, before and after sending", async () => {
    const to = address("requeue");
    const key = `test-${randomUUID()}`;
    const first = await queueEmail(db, email(to, { idempotencyKey: key }));
    const second = await queueEmail(db, email(to, { idempotencyKey: key, subject: "Other" }));
    expect(second).toEqual({ id: first.id, queued: false });
    expect(await db.outboxEmail.count({ where: { idempotencyKey: key } })).toBe(1);

    await drainOutbox();
    const third = await db.$transaction((tx) => queueEmail(tx, email(to, { idempotencyKey: key })));
    expect(third).toEqual({ id: first.id, queued: false });
    await drainOutbox();
    const { data } = await fake(to);
    expect(data.map((e) => e.subject)).toEqual(["Hello"]);
  });

  it("queues nothing when the caller's transaction rolls back", async () => {
    const to = address("rollback");
    const key = `test-${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, email(to, { idempotencyKey: key }));
        throw new Error("pledge failed");
      }),
    ).rejects.toThrow("pledge failed");
    expect(await db.outboxEmail.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("refuses an invalid email at queue time", async () => {
    await expect(queueEmail(db, email("not an address"))).rejects.toThrow();
    await expect(queueEmail(db, email(address("x"), { subject: " " }))).rejects.toThrow();
  });

  it("sends a burst of 250 in three batches, each email exactly once, within the rate limit", async () => {
    const run = randomUUID().slice(0, 8);
    const addresses = Array.from({ length: 250 }, (_, i) => `burst-${run}-${i}@example.test`);
    const ids = await db.$transaction(
      async (tx) => {
        const out: string[] = [];
        for (const to of addresses) out.push((await queueEmail(tx, email(to))).id);
        return out;
      },
      { timeout: 30_000 },
    );
    const before = (await fake()).stats;

    await drainOutbox();

    const after = await fake();
    const mine = after.data.filter((e) => e.to[0]!.startsWith(`burst-${run}-`));
    expect(mine).toHaveLength(250);
    expect(new Set(mine.map((e) => e.to[0])).size).toBe(250);
    const rows = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.status === "SENT" && row.html === null)).toBe(true);
    expect(new Set(rows.map((row) => row.claimedBy)).size).toBe(3);
    // The per-process limiter kept us under the fake's 2 requests per second.
    expect(after.stats.rateLimited - before.rateLimited).toBe(0);
    expect(after.stats.requests - before.requests).toBe(3);
  });

  it("never sends an email twice when several drains run at once", async () => {
    const run = randomUUID().slice(0, 8);
    const addresses = Array.from({ length: 230 }, (_, i) => `race-${run}-${i}@example.test`);
    await db.$transaction(
      async (tx) => {
        for (const to of addresses) await queueEmail(tx, email(to));
      },
      { timeout: 30_000 },
    );

    const results = await Promise.all(["a", "b", "c", "d"].map((workerId) => drainOutbox({ workerId })));

    const mine = (await fake()).data.filter((e) => e.to[0]!.startsWith(`race-${run}-`));
    expect(mine).toHaveLength(230);
    expect(new Set(mine.map((e) => e.to[0])).size).toBe(230);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBeGreaterThanOrEqual(230);
    // More than one drain did real work.
    expect(results.filter((r) => r.batches > 0).length).toBeGreaterThan(1);
  });

  it("skips suppressed addresses for campaign mail but always sends sign-in links", async () => {
    const unsubscribed = address("unsub");
    const bounced = address("bounce");
    const fine = address("fine");
    await db.emailSuppression.createMany({
      data: [
        { emailHash: hashEmail(unsubscribed), reason: "UNSUBSCRIBE" },
        { emailHash: hashEmail(` ${bounced.toUpperCase()} `), reason: "BOUNCE" },
      ],
    });
    expect(await isSuppressed(unsubscribed.toUpperCase())).toBe(true);
    expect(await isSuppressed(bounced)).toBe(true);
    expect(await isSuppressed(fine)).toBe(false);

    const headers = campaignHeaders("https://app.example/unsubscribe?t=abc");
    const reminderA = await queueEmail(db, email(unsubscribed, { kind: "reminder", headers }));
    const reminderB = await queueEmail(db, email(bounced, { kind: "reminder", headers }));
    const reminderC = await queueEmail(db, email(fine, { kind: "reminder", headers }));
    const signIn = await queueEmail(db, email(unsubscribed, { kind: "sign-in", subject: "Sign in" }));
    const signInBounced = await queueEmail(db, email(bounced, { kind: "sign-in", subject: "Sign in" }));

    await drainOutbox();

    const status = async (id: string) => (await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(reminderA.id)).toBe("SKIPPED");
    expect(await status(reminderB.id)).toBe("SKIPPED");
    expect(await status(reminderC.id)).toBe("SENT");
    expect(await status(signIn.id)).toBe("SENT");
    expect(await status(signInBounced.id)).toBe("SENT");
    expect((await fake(unsubscribed)).data.map((e) => e.subject)).toEqual(["Sign in"]);
    expect((await fake(bounced)).data.map((e) => e.subject)).toEqual(["Sign in"]);
    const [delivered] = (await fake(fine)).data;
    expect(delivered!.headers).toMatchObject({
      "List-Unsubscribe": "<https://app.example/unsubscribe?t=abc>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("sendBatch sends once per idempotency key and reports ids", async () => {
    const to = address("batch");
    const key = `reminders-${randomUUID()}`;
    const emails = [{ to, subject: "Reminder", html: "<p>Hi</p>", text: "Hi" }];
    const first = await sendBatch(emails, key);
    const replay = await sendBatch(emails, key);
    expect(first.ok).toBe(true);
    expect(replay).toEqual(first);
    expect((await fake(to)).data).toHaveLength(1);
  });
});
