import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it, vi } from "vitest";

// The app's real logger (lib/log, with its redaction) at the most verbose level, its
// output captured while a sign-up runs through the server code: pledge, magic link
// queued and sent, verification, export, erasure, retention. No email address, first
// name, token or link may appear; request ids do.

vi.hoisted(() => {
  process.env.LOG_LEVEL = "trace";
});
const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));

const { logger } = await import("@/lib/log");
const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString("utf8"));
    done();
  },
});
// Child loggers (mail, reminders...) inherit the stream from the root through their prototype.
Reflect.set(logger, pino.symbols.streamSym, capture);

const { campaign } = await import("@/lib/campaign");
const { drainOutbox, sendSignInLink } = await import("@/lib/mail");
const { savePledge } = await import("@/lib/pledges/create-pledge");
const { markPledgeVerified } = await import("@/lib/pledges/verify-pledge");
const { eraseUser, runRetention } = await import("@/lib/privacy");
const { GET: exportRoute } = await import("@/app/api/account/export/route");

describe("logs", () => {
  it("never contain the person's email, name or token, and carry request ids", async () => {
    const email = `Log.Test-${randomUUID()}@example.test`;
    const firstName = `Wilhelmina${randomUUID().slice(0, 6)}`;
    const token = `tok${randomUUID().replaceAll("-", "")}`;
    const requestId = `req-${randomUUID()}`;

    const saved = await savePledge(
      {
        email: email.toLowerCase(),
        firstName,
        country: "NL",
        platforms: ["facebook"],
        remindersConsent: true,
        locale: "en",
      },
      { consentText: "Yes, email me reminders.", now: new Date() },
    );
    const url = `http://localhost:3999/en/sign-in/confirm?token=${token}&email=${encodeURIComponent(email)}`;
    await sendSignInLink({ to: email.toLowerCase(), url, locale: "en" });
    await drainOutbox({ maxBatches: 5 });
    await markPledgeVerified(saved.userId, new Date());

    session.user = { id: saved.userId, email: email.toLowerCase() };
    const response = await exportRoute(
      new Request("http://localhost/api/account/export", {
        headers: { "sec-fetch-site": "same-origin", "x-request-id": requestId },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(email.toLowerCase());

    await eraseUser(saved.userId);
    await runRetention({ campaign: campaign(), now: new Date() });
    logger.flush();

    const output = lines.join("");
    expect(lines.length).toBeGreaterThan(0);
    expect(output).toContain(requestId);
    for (const secret of [email, email.toLowerCase(), firstName, token, encodeURIComponent(email)]) {
      expect(output.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
