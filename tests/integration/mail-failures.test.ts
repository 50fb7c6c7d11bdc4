import { randomUUID } from "node:crypto";
import net from "node:net";
import { Resend } from "resend";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainOutbox, queueEmail } from "@/lib/mail";
import type { FakeEmail } from "@/tests/fakes/resend-server";

// How the outbox survives Resend's failures: 429, 5xx, lost answers, refused
// connections, validation errors. The fake injects them; the SDK is the real one.

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

async function configureFake(config: { requestsPerSecond?: number; failNext?: number; loseNext?: number }) {
  await fetch(`${FAKE}/_fake/config`, { method: "POST", body: JSON.stringify(config) });
}

const address = (label: string) => `${label}-${randomUUID()}@example.test`;
const later = () => new Date(Date.now() + 2 * 60 * 60_000);

function email(to: string) {
  return {
    kind: "pledge-confirmed",
    to,
    subject: "Hello",
    html: "<p>Hello</p>",
    text: "Hello",
    idempotencyKey: randomUUID(),
  };
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(async () => {
  await configureFake({ requestsPerSecond: 2, failNext: 0, loseNext: 0 });
});

describe("outbox failures", () => {
  it("waits out 429s and loses or duplicates nothing", async () => {
    await configureFake({ requestsPerSecond: 1 });
    const before = (await fake()).stats;
    const run = randomUUID().slice(0, 8);
    const addresses: string[] = [];
    let rateLimited = 0;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) {
        const to = `slow-${run}-${round}-${i}@example.test`;
        addresses.push(to);
        await queueEmail(db, email(to));
      }
      rateLimited += (await drainOutbox()).rateLimited;
    }
    const after = await fake();
    const mine = after.data.filter((e) => e.to[0]!.startsWith(`slow-${run}-`));
    expect(mine.map((e) => e.to[0]).sort()).toEqual([...addresses].sort());
    // Our limiter allows 2 per second, the fake only 1: Resend's 429s were real and honoured.
    expect(after.stats.rateLimited - before.rateLimited).toBeGreaterThan(0);
    expect(rateLimited).toBe(after.stats.rateLimited - before.rateLimited);
    const rows = await db.outboxEmail.findMany({ where: { to: { in: addresses } } });
    expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
  });

  it("retries a batch that got a 500 later, with the same rows and key, and delivers it once", async () => {
    const to = [address("fivehundred"), address("fivehundred")];
    const ids = [(await queueEmail(db, email(to[0]!))).id, (await queueEmail(db, email(to[1]!))).id];
    await configureFake({ failNext: 1 });

    const first = await drainOutbox();
    expect(first.deferred).toBeGreaterThanOrEqual(2);
    const failed = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(failed.map((row) => row.status)).toEqual(["SENDING", "SENDING"]);
    expect(failed[0]!.lastError).toMatch(/500/);
    expect(failed[0]!.attempts).toBe(1);
    expect(failed[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(failed[0]!.html).not.toBeNull();
    const batchId = failed[0]!.claimedBy;
    expect(failed[1]!.claimedBy).toBe(batchId);
    expect((await fake(to[0])).data).toHaveLength(0);

    // Not due yet: a drain now leaves it alone.
    await drainOutbox();
    expect((await fake(to[0])).data).toHaveLength(0);

    await drainOutbox({ now: later() });
    for (const address of to) {
      const { data } = await fake(address);
      expect(data).toHaveLength(1);
      expect(data[0]!.idempotencyKey).toBe(`outbox-batch-${batchId}`);
    }
    const sent = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(
      sent.every((row) => row.status === "SENT" && row.claimedBy === batchId && row.attempts === 2),
    ).toBe(true);
    expect(sent.every((row) => row.html === null && row.text === null)).toBe(true);
  });

  it("does not send twice when Resend sent a batch but the answer was lost", async () => {
    const to = address("lost");
    const { id } = await queueEmail(db, email(to));
    await configureFake({ loseNext: 1 });
    const before = (await fake()).stats;

    const first = await drainOutbox();
    expect(first.deferred).toBeGreaterThanOrEqual(1);
    const delivered = (await fake(to)).data;
    expect(delivered).toHaveLength(1);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe("SENDING");

    await drainOutbox({ now: later() });
    const after = await fake(to);
    expect(after.data).toHaveLength(1);
    expect(after.stats.idempotentReplays - before.idempotentReplays).toBe(1);
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", providerId: delivered[0]!.id, html: null, text: null });
  });

  it("retries after a refused connection", async () => {
    const to = address("refused");
    const { id } = await queueEmail(db, email(to));
    const unreachable = new Resend("re_test_fake_key", { baseUrl: `http://127.0.0.1:${await closedPort()}` });

    const first = await drainOutbox({ resend: unreachable });
    expect(first.deferred).toBeGreaterThanOrEqual(1);
    const waiting = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(waiting.lastError).toMatch(/network/);

    await drainOutbox({ now: later() });
    const { data } = await fake(to);
    expect(data).toHaveLength(1);
    expect(data[0]!.idempotencyKey).toBe(`outbox-batch-${waiting.claimedBy}`);
  });

  it("takes over a batch whose drain died mid-send, keeping its batch id and key", async () => {
    const to = address("orphan");
    const { id } = await queueEmail(db, email(to));
    const batchId = randomUUID();
    // What a drain that crashed after claiming leaves behind once its lease ran out.
    await db.outboxEmail.update({
      where: { id },
      data: {
        status: "SENDING",
        claimedBy: batchId,
        claimedAt: new Date(),
        attempts: 1,
        nextAttemptAt: new Date(),
      },
    });

    await drainOutbox();
    const { data } = await fake(to);
    expect(data).toHaveLength(1);
    expect(data[0]!.idempotencyKey).toBe(`outbox-batch-${batchId}`);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      claimedBy: batchId,
      attempts: 2,
    });
  });

  it("gives up after the maximum number of transient failures", async () => {
    const to = address("give-up");
    const { id } = await queueEmail(db, email(to));
    const unreachable = new Resend("re_test_fake_key", { baseUrl: `http://127.0.0.1:${await closedPort()}` });
    for (let i = 0; i < 6; i++) {
      await drainOutbox({ resend: unreachable, now: new Date(Date.now() + i * 24 * 60 * 60_000) });
    }
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 6, html: null, text: null });
    expect(row.lastError).toMatch(/network/);
    await drainOutbox({ now: new Date(Date.now() + 30 * 24 * 60 * 60_000) });
    expect((await fake(to)).data).toHaveLength(0);
  });

  it("marks a batch Resend refuses as invalid FAILED without retrying", async () => {
    const to = address("invalid");
    // Bypasses queueEmail's validation, as a bug elsewhere could.
    const row = await db.outboxEmail.create({
      data: {
        kind: "pledge-confirmed",
        to,
        subject: "",
        html: "<p>x</p>",
        text: "x",
        idempotencyKey: randomUUID(),
      },
    });
    const result = await drainOutbox();
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const failed = await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, html: null, text: null });
    expect(failed.lastError).toMatch(/422/);
    await drainOutbox({ now: later() });
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(1);
  });
});
