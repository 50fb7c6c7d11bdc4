import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { createPledge } from "@/lib/actions/create-pledge";
import { db } from "@/lib/db";
import { savePledge } from "@/lib/pledges/create-pledge";
import { REFERRAL_COOKIE } from "@/lib/pledges/referral-cookie";
import { runAction } from "./abuse-helpers";

// Attack: post the public pledge form with the address of someone's unverified
// pledge, to rewrite their name, country, platforms, locale, referrer and reminder
// consent (with its recorded wording and time) without ever signing in.

const request = vi.hoisted(() => ({ referralCode: undefined as string | undefined }));
vi.mock("next-auth", async () => ({ default: (await import("./abuse-helpers")).nextAuthOverCore }));
vi.mock("next-intl/server", async () => (await import("./abuse-helpers")).nextIntlServer());
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null, requireUser: async () => null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250) + 1}` }),
  cookies: async () => ({
    get: (name: string) =>
      name === "ref" && request.referralCode ? { name, value: request.referralCode } : undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
  }),
}));

const victimInput = (email: string) => ({
  email,
  firstName: "Ada",
  country: "IE" as const,
  platforms: ["facebook"],
  remindersConsent: true,
  locale: "en" as const,
});
const victimContext = {
  consentText: "Yes, email me reminders.",
  now: new Date("2025-05-20T10:00:00Z"),
  signupNetworkHash: null,
};

describe("attack: rewriting someone's unverified pledge through the public form", () => {
  it("changes nothing of the pledge, and only sends its owner a fresh link", async () => {
    const email = `victim-${randomUUID()}@example.test`;
    const saved = await savePledge(victimInput(email), victimContext);
    const attacker = await savePledge(victimInput(`attacker-${randomUUID()}@example.test`), victimContext);
    request.referralCode = (
      await db.pledge.findUniqueOrThrow({ where: { id: attacker.pledgeId } })
    ).referralCode;
    const before = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
    expect(REFERRAL_COOKIE).toBe("ref");

    const answer = await runAction(createPledge, {
      email,
      firstName: "Mallory",
      country: "PL",
      platforms: ["instagram", "whatsapp"],
      locale: "de",
    });
    expect(answer).toEqual({ redirect: "/de/pledge/check-email" });

    const after = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
    expect(after).toEqual(before);
    expect(after).toMatchObject({
      firstName: "Ada",
      country: "IE",
      platforms: ["facebook"],
      locale: "en",
      referredById: null,
      remindersConsent: true,
      remindersConsentText: victimContext.consentText,
      remindersConsentAt: victimContext.now,
    });
    expect(await db.outboxEmail.count({ where: { to: email, kind: "sign-in" } })).toBe(1);
  });

  it("cannot withdraw the recorded consent either", async () => {
    const email = `consent-${randomUUID()}@example.test`;
    const saved = await savePledge(victimInput(email), victimContext);
    const again = await savePledge(
      { ...victimInput(email), remindersConsent: false },
      { ...victimContext, now: new Date() },
    );
    expect(again).toMatchObject({ pledgeId: saved.pledgeId, created: false, verified: false });
    const pledge = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
    expect(pledge).toMatchObject({
      remindersConsent: true,
      remindersConsentAt: victimContext.now,
      remindersConsentText: victimContext.consentText,
    });
  });
});
