import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { FakeEmail } from "@/tests/fakes/resend-server";

// Local mode: without RESEND_API_KEY nothing leaves the machine; drained mail is
// kept (bodies included) for the dev mailbox page and scripts/ops/mailbox.ts.

const FAKE = process.env.FAKE_RESEND_URL;
if (!FAKE) throw new Error("FAKE_RESEND_URL is not set: run with `npm test -- --only=integration`");

beforeAll(() => {
  // Before anything reads the environment (env() is parsed once per test file).
  vi.stubEnv("RESEND_API_KEY", "");
});

describe("local mailbox", () => {
  it("keeps local mail readable and sends nothing to Resend", async () => {
    const { db } = await import("@/lib/db");
    const { drainUntilIdle, isResendConfigured, listLocalEmails, queueEmail, sendBatch } = await import(
      "@/lib/mail"
    );
    expect(isResendConfigured()).toBe(false);

    const to = `local-${randomUUID()}@example.test`;
    const link = `http://localhost:3000/en/sign-in/confirm?token=${randomUUID()}`;
    const { id } = await queueEmail(db, {
      kind: "sign-in",
      to,
      subject: "Your sign-in link",
      html: `<a href="${link}">Sign in</a>`,
      text: `Sign in: ${link}`,
      idempotencyKey: randomUUID(),
    });
    const result = await drainUntilIdle();
    expect(result.sent).toBeGreaterThanOrEqual(1);

    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", providerId: "local", text: `Sign in: ${link}` });
    expect(row.html).toContain(link);

    const listed = await listLocalEmails({ to: to.toUpperCase() });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id, subject: "Your sign-in link", text: `Sign in: ${link}` });
    expect((await listLocalEmails()).length).toBeLessThanOrEqual(50);

    expect(await sendBatch([{ to, subject: "x", text: "x" }], randomUUID())).toEqual({
      ok: true,
      ids: ["local"],
    });
    const response = await fetch(`${FAKE}/_fake/emails?to=${encodeURIComponent(to)}`);
    expect(((await response.json()) as { data: FakeEmail[] }).data).toHaveLength(0);
  });
});
