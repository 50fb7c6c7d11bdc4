import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { savePledge } from "@/lib/pledges/create-pledge";
import type { PledgeInput } from "@/lib/pledges/schema";
import { markPledgeVerified } from "@/lib/pledges/verify-pledge";
import { readCounters } from "@/lib/stats/counters";

const campaignId = campaign().id;
const context = { consentText: "Yes, email me reminders.", now: new Date("2025-05-20T10:00:00Z") };

function input(overrides: Partial<PledgeInput> = {}): PledgeInput {
  return {
    email: `pledge-${randomUUID()}@example.test`,
    country: "NL",
    platforms: ["facebook"],
    remindersConsent: false,
    locale: "en",
    ...overrides,
  };
}

async function counters() {
  return readCounters(campaignId);
}

describe("savePledge", () => {
  it("creates one unverified pledge with a random referral code and counts it", async () => {
    const before = (await counters()).get("pledges") ?? 0;
    const saved = await savePledge(input({ firstName: "Ada", remindersConsent: true }), context);
    expect(saved).toMatchObject({ created: true, verified: false });
    const pledge = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
    expect(pledge.verifiedAt).toBeNull();
    expect(pledge.referralCode).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(pledge.remindersConsentAt?.toISOString()).toBe(context.now.toISOString());
    expect(pledge.remindersConsentText).toBe(context.consentText);
    expect((await counters()).get("pledges")).toBe(before + 1);
  });

  it("creates nothing twice, and changes nothing, when the same address pledges again", async () => {
    const data = input();
    const first = await savePledge(data, context);
    const second = await savePledge({ ...data, country: "BE", platforms: ["instagram"] }, context);
    expect(second).toMatchObject({ created: false, pledgeId: first.pledgeId, userId: first.userId });
    expect(await db.user.count({ where: { email: data.email } })).toBe(1);
    const pledge = await db.pledge.findUniqueOrThrow({ where: { id: first.pledgeId } });
    expect(pledge.country).toBe(data.country);
    expect(pledge.platforms).toEqual(data.platforms);
  });

  it("survives a burst of identical submissions", async () => {
    const data = input();
    const results = await Promise.all(Array.from({ length: 8 }, () => savePledge(data, context)));
    expect(new Set(results.map((r) => r.pledgeId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.pledge.count({ where: { user: { email: data.email } } })).toBe(1);
  });

  it("never changes a verified pledge from the public form", async () => {
    const data = input({ country: "IE" });
    const saved = await savePledge(data, context);
    await markPledgeVerified(saved.userId, context.now);
    const again = await savePledge({ ...data, country: "PL", remindersConsent: true }, context);
    expect(again).toMatchObject({ verified: true, created: false });
    const pledge = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
    expect(pledge.country).toBe("IE");
    expect(pledge.remindersConsent).toBe(false);
  });

  it("keeps the consent as given when the public form is sent again unticked (withdrawal is on the dashboard)", async () => {
    const data = input({ remindersConsent: true });
    const saved = await savePledge(data, context);
    const before = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
    await savePledge({ ...data, remindersConsent: false }, context);
    const pledge = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
    expect(pledge).toMatchObject({
      remindersConsent: true,
      remindersConsentAt: before.remindersConsentAt,
      remindersConsentText: before.remindersConsentText,
    });
  });
});

describe("referral attribution", () => {
  it("attributes a pledge made through a known code", async () => {
    const referrer = await savePledge(input(), context);
    const { referralCode } = await db.pledge.findUniqueOrThrow({ where: { id: referrer.pledgeId } });
    const invitee = await savePledge(input(), { ...context, referralCode });
    const pledge = await db.pledge.findUniqueOrThrow({ where: { id: invitee.pledgeId } });
    expect(pledge.referredById).toBe(referrer.pledgeId);
  });

  it("ignores unknown, malformed and self-referral codes without error", async () => {
    for (const referralCode of ["zzzzzzzzzz", "../../etc", "x".repeat(200), ""]) {
      const saved = await savePledge(input(), { ...context, referralCode });
      const pledge = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
      expect(pledge.referredById).toBeNull();
    }
    const data = input();
    const own = await savePledge(data, context);
    const { referralCode } = await db.pledge.findUniqueOrThrow({ where: { id: own.pledgeId } });
    await savePledge(data, { ...context, referralCode });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: own.pledgeId } })).referredById).toBeNull();
  });
});

describe("markPledgeVerified", () => {
  it("verifies once and moves the public counters in the same transaction", async () => {
    const referrer = await savePledge(input(), context);
    const { referralCode } = await db.pledge.findUniqueOrThrow({ where: { id: referrer.pledgeId } });
    const saved = await savePledge(input({ country: "LU" }), { ...context, referralCode });
    const before = await counters();
    const now = new Date("2025-05-21T22:30:00Z"); // already 22 May in Brussels

    const verified = await markPledgeVerified(saved.userId, now);
    expect(verified?.id).toBe(saved.pledgeId);
    const after = await counters();
    const diff = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(diff("verified")).toBe(1);
    expect(diff("country:LU")).toBe(1);
    expect(diff("day:2025-05-22")).toBe(1);
    expect(diff("referred")).toBe(1);
    expect(diff("pledges")).toBe(0);

    expect(await markPledgeVerified(saved.userId, now)).toBeNull();
    expect((await counters()).get("verified")).toBe(after.get("verified"));
  });

  it("does nothing for a person without a pledge", async () => {
    const user = await db.user.create({ data: { email: `nopledge-${randomUUID()}@example.test` } });
    expect(await markPledgeVerified(user.id, new Date())).toBeNull();
  });
});
