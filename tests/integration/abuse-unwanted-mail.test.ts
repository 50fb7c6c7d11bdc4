import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPledge } from "@/lib/actions/create-pledge";
import { requestSignIn } from "@/lib/actions/request-sign-in";
import { db } from "@/lib/db";
import { drainUntilIdle } from "@/lib/mail";
import { hashEmail } from "@/lib/mail/suppression";
import { savePledge } from "@/lib/pledges/create-pledge";
import { consume, limitKey } from "@/lib/rate-limit";
import { deliveredTo, runAction } from "./abuse-helpers";

// Attack: make the app mail people who did not ask for it, or cannot take it, by
// spelling one inbox many ways, by using addresses that bounced or complained, and
// leave IP addresses behind in the rate-limit table.

const request = vi.hoisted(() => ({ ip: "203.0.113.1" }));
vi.mock("next-auth", async () => ({ default: (await import("./abuse-helpers")).nextAuthOverCore }));
vi.mock("next-intl/server", async () => (await import("./abuse-helpers")).nextIntlServer());
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null, requireUser: async () => null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.ip }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined }),
}));

const id = () => randomUUID().replaceAll("-", "").slice(0, 12);
const freshIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${id()}`;
const pledgeForm = (email: string) => ({
  email,
  country: "DE",
  platforms: "facebook",
  locale: "en",
});

async function mailFor(email: string) {
  await drainUntilIdle();
  return {
    outbox: await db.outboxEmail.count({ where: { to: email } }),
    delivered: (await deliveredTo(email)).length,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("attack: one inbox spelled many ways gets a fresh allowance each time", () => {
  it("counts Gmail dots, googlemail.com, +tags and capitals as one address", async () => {
    request.ip = freshIp();
    const name = `jane${id()}`;
    const spellings = [
      `${name.slice(0, 2)}.${name.slice(2)}+news@googlemail.com`,
      `${name}@gmail.com`,
      `${name.toUpperCase()}+x@GMAIL.com`,
    ];
    for (const email of spellings) {
      expect(await runAction(requestSignIn, { email, locale: "en" })).toEqual({
        redirect: "/en/sign-in/check-email",
      });
    }
    const fourth = await runAction(requestSignIn, {
      email: `${name.slice(0, 4)}.${name.slice(4)}@gmail.com`,
      locale: "en",
    });
    expect(fourth).toMatchObject({ result: { ok: false, error: "rate_limited" } });
    // A different mailbox is not affected.
    request.ip = freshIp();
    expect(await runAction(requestSignIn, { email: `other${id()}@gmail.com`, locale: "en" })).toHaveProperty(
      "redirect",
    );
  });

  it("stores the address as typed", async () => {
    request.ip = freshIp();
    const email = `jane.doe+${id()}@gmail.com`;
    await runAction(createPledge, pledgeForm(email));
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("attack: mail to an address that bounced or complained", () => {
  it("sends no sign-in link, with the same answer as for anyone", async () => {
    for (const reason of ["BOUNCE", "COMPLAINT"] as const) {
      request.ip = freshIp();
      const email = `bounced-${id()}@example.test`;
      await savePledge(
        { email, country: "DE", platforms: ["facebook"], remindersConsent: false, locale: "en" },
        { consentText: "x", now: new Date(), signupNetworkHash: null },
      );
      await db.emailSuppression.create({ data: { emailHash: hashEmail(email), reason } });
      expect(await runAction(requestSignIn, { email, locale: "en" })).toEqual({
        redirect: "/en/sign-in/check-email",
      });
      expect(await mailFor(email)).toEqual({ outbox: 0, delivered: 0 });
    }
  });

  it("sends no pledge link and stores no pledge, with the same answer as for anyone", async () => {
    request.ip = freshIp();
    const email = `complained-${id()}@example.test`;
    await db.emailSuppression.create({ data: { emailHash: hashEmail(email), reason: "COMPLAINT" } });
    expect(await runAction(createPledge, pledgeForm(email))).toEqual({ redirect: "/en/pledge/check-email" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await mailFor(email)).toEqual({ outbox: 0, delivered: 0 });
  });

  it("still mails those who only unsubscribed from reminders, and everyone else", async () => {
    request.ip = freshIp();
    const unsubscribed = `unsubscribed-${id()}@example.test`;
    await db.emailSuppression.create({ data: { emailHash: hashEmail(unsubscribed), reason: "UNSUBSCRIBE" } });
    await runAction(createPledge, pledgeForm(unsubscribed));
    expect((await mailFor(unsubscribed)).outbox).toBe(1);
    request.ip = freshIp();
    await runAction(requestSignIn, { email: unsubscribed, locale: "en" });
    expect((await mailFor(unsubscribed)).outbox).toBe(2);
  });
});

describe("attack: rate-limit rows keep IP addresses", () => {
  it("keys per-IP and per-address limits by keyed hashes only", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    request.ip = ip;
    const email = `hashed-${id()}@example.test`;
    await runAction(requestSignIn, { email, locale: "en" });
    const rows = await db.rateLimit.findMany({ select: { key: true } });
    expect(rows.some((row) => row.key === `signInPerIp:${limitKey("ip", ip)}`)).toBe(true);
    for (const { key } of rows) {
      expect(key).not.toContain(ip);
      expect(key).not.toContain(email);
      expect(key).not.toContain(hashEmail(email));
    }
  });

  it("deletes expired rows on a share of calls, without waiting for the retention job", async () => {
    const expired = `signInPerIp:expired-${id()}`;
    await db.rateLimit.create({ data: { key: expired, points: 1, expire: BigInt(Date.now() - 1000) } });
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    await consume("signInPerEmail", id());
    expect(await db.rateLimit.count({ where: { key: expired } })).toBe(1);
    vi.spyOn(Math, "random").mockReturnValue(0);
    await consume("signInPerEmail", id());
    expect(await db.rateLimit.count({ where: { key: expired } })).toBe(0);
  });
});
