import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { drainUntilIdle, sendPledgeConfirmed, sendSignInLink } from "@/lib/mail";
import type { FakeEmail } from "@/tests/fakes/resend-server";

// The helpers the app calls: render, queue, and kickOutbox() sends without anyone
// draining by hand.

const FAKE = process.env.FAKE_RESEND_URL;
if (!FAKE) throw new Error("FAKE_RESEND_URL is not set: run with `npm test -- --only=integration`");

async function delivered(to: string): Promise<FakeEmail[]> {
  const response = await fetch(`${FAKE}/_fake/emails?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { data: FakeEmail[] }).data;
}

/** Polls the fake until `count` emails reached `to` (the kicked drain runs in the background). */
async function waitForMail(to: string, count: number, timeoutMs = 15_000): Promise<FakeEmail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const emails = await delivered(to);
    if (emails.length >= count || Date.now() > deadline) return emails;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const address = (label: string) => `${label}-${randomUUID()}@example.test`;

describe("sending helpers", () => {
  it("sends a sign-in link once, even when the request is retried", async () => {
    const to = address("sign-in");
    const url = `http://localhost:3000/en/sign-in/confirm?token=${randomUUID()}&email=x`;
    const first = await sendSignInLink({ to, url, locale: "en" });
    const again = await sendSignInLink({ to, url, locale: "en" });
    expect(first.queued).toBe(true);
    expect(again).toEqual({ id: first.id, queued: false });

    const emails = await waitForMail(to, 1);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Your sign-in link for localhost:3000");
    expect(emails[0]!.html).toContain(url.replaceAll("&", "&amp;"));
    expect(emails[0]!.text).toContain(url);
    expect(emails[0]!.headers["X-Entity-Ref-ID"]).toMatch(/^[0-9a-f-]{36}$/);

    await drainUntilIdle();
    expect(await delivered(to)).toHaveLength(1);
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ kind: "sign-in", status: "SENT", html: null, text: null });
    // The outbox never holds the token in its key.
    expect(row.idempotencyKey).not.toContain(new URL(url).searchParams.get("token"));
  });

  it("gathers a burst of requests into one batch", async () => {
    const addresses = Array.from({ length: 8 }, () => address("burst"));
    const results = await Promise.all(
      addresses.map((to) =>
        sendSignInLink({
          to,
          url: `http://localhost:3000/en/sign-in/confirm?token=${randomUUID()}`,
          locale: "en",
        }),
      ),
    );
    for (const to of addresses) expect(await waitForMail(to, 1)).toHaveLength(1);
    const rows = await db.outboxEmail.findMany({ where: { id: { in: results.map((r) => r.id) } } });
    expect(new Set(rows.map((row) => row.claimedBy)).size).toBeLessThanOrEqual(2);
  });

  it("sends the pledge confirmation once per pledge", async () => {
    const to = address("pledge");
    const pledgeId = randomUUID();
    const input = {
      to,
      locale: "en",
      firstName: "Ada",
      dashboardUrl: "http://localhost:3000/en/dashboard",
      pledgeId,
    };
    const first = await db.$transaction((tx) => sendPledgeConfirmed(input, tx));
    const again = await sendPledgeConfirmed(input);
    expect(again).toEqual({ id: first.id, queued: false });

    const emails = await waitForMail(to, 1);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Thank you for your pledge");
    expect(emails[0]!.text).toContain("Hi Ada,");
    expect(emails[0]!.text).toContain("http://localhost:3000/en/dashboard");
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.idempotencyKey).toBe(`pledge-confirmed-${pledgeId}`);
  });
});
