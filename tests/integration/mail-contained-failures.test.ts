import { randomUUID } from "node:crypto";
import { Resend } from "resend";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { drainOutbox, queueEmail } from "@/lib/mail";
import { mailLog } from "@/lib/mail/log";
import type { FakeConfig, FakeEmail, FakeStats } from "@/tests/fakes/resend-server";

// Failures that concern one email, or the account, must not take other mail down:
// Resend refusing one recipient of a batch, and Resend refusing the API key.

const FAKE = process.env.FAKE_RESEND_URL;
if (!FAKE) throw new Error("FAKE_RESEND_URL is not set: run with `npm test -- --only=integration`");

async function fake(to?: string): Promise<{ data: FakeEmail[]; stats: FakeStats }> {
  const response = await fetch(`${FAKE}/_fake/emails${to ? `?to=${encodeURIComponent(to)}` : ""}`);
  return (await response.json()) as { data: FakeEmail[]; stats: FakeStats };
}

async function configureFake(config: FakeConfig) {
  await fetch(`${FAKE}/_fake/config`, { method: "POST", body: JSON.stringify(config) });
}

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

afterEach(async () => {
  vi.restoreAllMocks();
  await configureFake({ requestsPerSecond: 2, failNext: 0, loseNext: 0, apiKey: null, rejectRecipients: [] });
});

describe("Resend rejects one recipient of a batch (422 validation_error)", () => {
  it("fails only that email and sends the other 99 once", { timeout: 90_000 }, async () => {
    // The drain takes all due mail: mail an earlier file left queued would be counted
    // here. Put it out of reach for this test (files run one after another).
    await db.outboxEmail.updateMany({
      where: { status: { in: ["PENDING", "SENDING"] } },
      data: { nextAttemptAt: new Date("2999-01-01T00:00:00Z") },
    });
    const run = randomUUID().slice(0, 8);
    const addresses = Array.from({ length: 100 }, (_, i) => `bad-one-${run}-${i}@example.test`);
    const bad = addresses[37]!;
    const ids = await db.$transaction(
      async (tx) => {
        const out: string[] = [];
        for (const to of addresses) out.push((await queueEmail(tx, email(to))).id);
        return out;
      },
      { timeout: 30_000 },
    );
    await configureFake({ rejectRecipients: [bad] });
    const before = (await fake()).stats;

    const result = await drainOutbox();

    expect(result).toMatchObject({ sent: 99, failed: 1, deferred: 0 });
    const after = await fake();
    const mine = after.data.filter((e) => e.to[0]!.startsWith(`bad-one-${run}-`));
    expect(mine.map((e) => e.to[0]).sort()).toEqual(addresses.filter((a) => a !== bad).sort());
    // Found by halving the batch, not by sending 100 single emails.
    expect(after.stats.requests - before.requests).toBeLessThanOrEqual(1 + 2 * 7);
    expect(after.stats.invalid - before.invalid).toBeLessThanOrEqual(1 + 7);

    const rows = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
    const failed = rows.filter((row) => row.status === "FAILED");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ to: bad, attempts: 1, html: null, text: null });
    expect(failed[0]!.lastError).toMatch(/^422 validation_error/);
    expect(rows.filter((row) => row.status === "SENT")).toHaveLength(99);

    // Nothing is retried or sent again later.
    await drainOutbox({ now: later() });
    expect((await fake()).data.filter((e) => e.to[0]!.startsWith(`bad-one-${run}-`))).toHaveLength(99);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: failed[0]!.id } })).attempts).toBe(1);
  });
});

describe("Resend refuses the API key (401)", () => {
  it("stops sending, logs one error and keeps the mail queued until the key is fixed", async () => {
    await configureFake({ apiKey: "re_test_fake_key" });
    const wrongKey = new Resend(`re_wrong_${randomUUID().slice(0, 8)}`, { baseUrl: FAKE });
    const errors = vi.spyOn(mailLog, "error");
    const to = [randomUUID(), randomUUID(), randomUUID()].map((id) => `wrong-key-${id}@example.test`);
    const ids: string[] = [];
    for (const address of to) ids.push((await queueEmail(db, email(address))).id);
    const before = (await fake()).stats;

    const first = await drainOutbox({ resend: wrongKey });
    expect(first).toMatchObject({ sent: 0, failed: 0, deferred: 3 });
    const held = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(held.every((row) => row.status === "SENDING" && row.attempts === 0)).toBe(true);
    expect(held.every((row) => row.html !== null && /^401 /.test(row.lastError ?? ""))).toBe(true);

    // Later drains with the same key ask Resend nothing and leave new mail PENDING.
    const fourth = await queueEmail(db, email(`wrong-key-${randomUUID()}@example.test`));
    const again = await drainOutbox({ resend: wrongKey, now: later() });
    expect(again).toMatchObject({ batches: 0, sent: 0, failed: 0 });
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: fourth.id } })).status).toBe("PENDING");
    const afterRefusal = (await fake()).stats;
    expect(afterRefusal.unauthorized - before.unauthorized).toBe(1);
    expect(afterRefusal.requests - before.requests).toBe(1);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![1])).toMatch(/API key/);

    // The key is fixed (the configured client): everything goes out, once.
    const fixed = await drainOutbox({ now: later() });
    expect(fixed).toMatchObject({ sent: 4, failed: 0 });
    for (const address of to) expect((await fake(address)).data).toHaveLength(1);
    const rows = await db.outboxEmail.findMany({ where: { id: { in: [...ids, fourth.id] } } });
    expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
