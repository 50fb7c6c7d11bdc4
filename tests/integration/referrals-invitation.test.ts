import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { createPledge } from "@/lib/actions/create-pledge";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { savePledge } from "@/lib/pledges/create-pledge";
import { markPledgeVerified } from "@/lib/pledges/verify-pledge";
import { setShowFirstNameOnShare } from "@/lib/referrals";
import { getInvitation, openReferralLink } from "@/lib/referrals/invitation";
import { getPublicStats } from "@/lib/stats";
import { runAction } from "./abuse-helpers";

// The two halves of a personal link: /r/CODE counts the visit (openReferralLink), the
// invitation page shows whose link it is and the pledges so far (getInvitation), and
// the pledge form on that page credits the link by a field of its own.

const cookie = vi.hoisted(() => ({ ref: undefined as string | undefined }));
vi.mock("next-auth", async () => ({ default: (await import("./abuse-helpers")).nextAuthOverCore }));
vi.mock("next-intl/server", async () => (await import("./abuse-helpers")).nextIntlServer());
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null, requireUser: async () => null }));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` }),
  cookies: async () => ({
    get: (name: string) => (name === "ref" && cookie.ref ? { name, value: cookie.ref } : undefined),
    getAll: () => [],
    has: () => false,
    set: () => undefined,
  }),
}));

const now = new Date("2025-05-20T10:00:00Z");

async function person(firstName?: string) {
  const saved = await savePledge(
    {
      email: `invite-${randomUUID()}@example.test`,
      firstName,
      country: "DE",
      platforms: ["facebook"],
      remindersConsent: false,
      locale: "fr",
    },
    { consentText: "Yes, email me reminders.", now, signupNetworkHash: null },
  );
  await markPledgeVerified(saved.userId, now);
  const { referralCode } = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
  return { ...saved, code: referralCode };
}

const visitsOf = async (pledgeId: string) =>
  (await db.referralVisit.findMany({ where: { pledgeId } })).reduce((sum, row) => sum + row.visits, 0);

const referrerOf = async (email: string) =>
  (
    await db.pledge.findFirstOrThrow({
      where: { user: { email } },
      select: { referredBy: { select: { referralCode: true } } },
    })
  ).referredBy?.referralCode ?? null;

describe("opening a personal link", () => {
  it("counts one visit per opening and says whose link it is", async () => {
    const ada = await person("Ada");
    expect(await openReferralLink(ada.code, now)).toEqual({ code: ada.code, firstName: null, locale: "fr" });
    await openReferralLink(ada.code, now);
    expect(await visitsOf(ada.pledgeId)).toBe(2);
  });

  it("counts nothing for unknown or malformed codes, without error", async () => {
    const before = await db.referralVisit.count();
    for (const code of ["zzzzzzzzzz", "<b>x</b>", "../../etc", "", "x".repeat(200)]) {
      expect(await openReferralLink(code, now)).toBeNull();
    }
    expect(await db.referralVisit.count()).toBe(before);
  });
});

describe("the invitation page's data", () => {
  it("names the inviter only once they chose so, and counts the confirmed pledges", async () => {
    const ada = await person("Ada");
    // A campaign of its own, so the figure is known exactly: Ada and two others, one unconfirmed.
    const own = { ...campaign(), id: `invite-test-${randomUUID().slice(0, 8)}` };
    for (const verified of [true, true, false]) {
      const saved = await savePledge(
        {
          email: `count-${randomUUID()}@example.test`,
          country: "IT",
          platforms: ["facebook"],
          remindersConsent: false,
          locale: "it",
        },
        { consentText: "Yes, email me reminders.", now, signupNetworkHash: null, campaign: own },
      );
      if (verified) await markPledgeVerified(saved.userId, now, own);
    }
    const invitation = await getInvitation(ada.code, own);
    expect(invitation).toEqual({ preview: { code: ada.code, firstName: null, locale: "fr" }, pledged: 2 });
    expect((await getInvitation(ada.code))?.pledged).toBe((await getPublicStats()).totals.verifiedPledges);
    await setShowFirstNameOnShare(ada.userId, true);
    expect((await getInvitation(ada.code))?.preview.firstName).toBe("Ada");
    expect(await getInvitation("zzzzzzzzzz")).toBeNull();
    // Reading the invitation counts no visit: that is the link's business.
    expect(await visitsOf(ada.pledgeId)).toBe(0);
  });
});

describe("pledging from an invitation", () => {
  const form = (email: string, extra: Record<string, string> = {}) => ({
    email,
    country: "FR",
    platforms: ["facebook"],
    locale: "fr",
    ...extra,
  });

  it("credits the invitation's code, without a cookie", async () => {
    const ada = await person();
    const email = `friend-${randomUUID()}@example.test`;
    cookie.ref = undefined;
    expect(await runAction(createPledge, form(email, { referralCode: ada.code }))).toEqual({
      redirect: "/fr/pledge/check-email",
    });
    expect(await referrerOf(email)).toBe(ada.code);
  });

  it("prefers the page's code to an older cookie, and falls back to the cookie without one", async () => {
    const ada = await person();
    const bob = await person();
    const onPage = `friend-${randomUUID()}@example.test`;
    const elsewhere = `friend-${randomUUID()}@example.test`;
    cookie.ref = bob.code;
    await runAction(createPledge, form(onPage, { referralCode: ada.code }));
    await runAction(createPledge, form(elsewhere));
    cookie.ref = undefined;
    expect(await referrerOf(onPage)).toBe(ada.code);
    expect(await referrerOf(elsewhere)).toBe(bob.code);
  });

  it("pledges without a referrer when the field is not a code, rather than failing", async () => {
    const email = `friend-${randomUUID()}@example.test`;
    cookie.ref = undefined;
    expect(await runAction(createPledge, form(email, { referralCode: "<script>x</script>" }))).toEqual({
      redirect: "/fr/pledge/check-email",
    });
    expect(await referrerOf(email)).toBeNull();
  });
});
