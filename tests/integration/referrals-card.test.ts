import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { savePledge } from "@/lib/pledges/create-pledge";
import { markPledgeVerified } from "@/lib/pledges/verify-pledge";
import {
  getLeaderboard,
  getReferralCard,
  getReferralPreview,
  joinLeaderboard,
  leaveLeaderboard,
  recordReferralVisit,
  setShowFirstNameOnShare,
} from "@/lib/referrals";
import { approveFlaggedReferrals, listFlaggedReferrals } from "@/lib/referrals/fraud";
import { NETWORK_BURST_COUNT, NETWORK_BURST_WINDOW_MS } from "@/lib/referrals/rules";

const campaignId = campaign().id;
const t0 = new Date("2025-05-20T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

type Person = { userId: string; pledgeId: string; code: string; email: string };

async function pledge(
  options: {
    ref?: string;
    network?: string | null;
    email?: string;
    verifiedAt?: Date | null;
    firstName?: string;
  } = {},
): Promise<Person> {
  const email = options.email ?? `ref-${randomUUID()}@example.test`;
  const saved = await savePledge(
    {
      email,
      firstName: options.firstName,
      country: "DE",
      platforms: ["facebook"],
      remindersConsent: false,
      locale: "en",
    },
    {
      referralCode: options.ref,
      consentText: "Yes, email me reminders.",
      now: t0,
      signupNetworkHash: options.network === undefined ? null : options.network,
    },
  );
  const verifiedAt = options.verifiedAt === undefined ? t0 : options.verifiedAt;
  if (verifiedAt) await markPledgeVerified(saved.userId, verifiedAt);
  const row = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
  return { userId: saved.userId, pledgeId: saved.pledgeId, code: row.referralCode, email };
}

async function objected(person: Person) {
  await db.submission.create({
    data: {
      userId: person.userId,
      campaignId,
      platform: "facebook",
      accountIndex: 1,
      status: "SUBMITTED",
      submittedAt: t0,
    },
  });
}

const flagOf = (pledgeId: string) =>
  db.pledge.findUniqueOrThrow({
    where: { id: pledgeId },
    select: { referralFlaggedAt: true, referralFlagReason: true },
  });

describe("the referrer's card", () => {
  it("counts visits, pledges, verified, objections and friends of friends, and nothing else", async () => {
    const a = await pledge();
    await recordReferralVisit(a.code, t0);
    await recordReferralVisit(a.code, t0);
    await recordReferralVisit(a.code, new Date("2025-05-22T10:00:00Z"));

    const b = await pledge({ ref: a.code });
    await objected(b);
    await pledge({ ref: a.code });
    await pledge({ ref: a.code, verifiedAt: null });
    // B's invitees: one verified (a friend of A's friend), one not (does not count).
    const c = await pledge({ ref: b.code });
    await pledge({ ref: b.code, verifiedAt: null });
    // C's invitee is two steps away: not counted as a friend of a friend.
    await pledge({ ref: c.code });

    const card = await getReferralCard(a.userId);
    expect(card).toMatchObject({
      code: a.code,
      visits: 3,
      verified: 2,
      objected: 1,
      friendsOfFriends: 1,
      milestones: [],
      nextMilestone: 3,
      isOnLeaderboard: false,
      showFirstNameOnShare: false,
    });
    expect(card).not.toHaveProperty("pledged");
    expect(card?.url).toMatch(new RegExp(`/r/${a.code}$`));
    // Counts only: nothing about any invitee is in the card.
    const text = JSON.stringify(card);
    for (const other of [b, c]) {
      expect(text).not.toContain(other.email);
      expect(text).not.toContain(other.userId);
      expect(text).not.toContain(other.pledgeId);
    }

    expect(await getReferralCard(b.userId)).toMatchObject({ verified: 1, friendsOfFriends: 1 });
  });

  it("shows objections of verified invitees only, and earns badges at 1, 3 and 10", async () => {
    const a = await pledge();
    const pending = await pledge({ ref: a.code, verifiedAt: null });
    await objected(pending);
    expect(await getReferralCard(a.userId)).toMatchObject({
      verified: 0,
      objected: 0,
      milestones: [],
    });
    for (let i = 0; i < 3; i++) await pledge({ ref: a.code });
    expect(await getReferralCard(a.userId)).toMatchObject({
      verified: 3,
      milestones: [3],
      nextMilestone: 10,
    });
  });

  it("attack: posting a stranger's address through your link does not move your card", async () => {
    const a = await pledge();
    const before = await getReferralCard(a.userId);
    // With A's referral cookie, someone posts an address: it may or may not have
    // pledged already; A's card must not tell which.
    await pledge({ ref: a.code, verifiedAt: null });
    expect(await getReferralCard(a.userId)).toEqual(before);
  });

  it("exists only for a verified pledge, and only for its owner", async () => {
    const unverified = await pledge({ verifiedAt: null });
    expect(await getReferralCard(unverified.userId)).toBeNull();
    expect(await getReferralCard(`nobody-${randomUUID()}`)).toBeNull();
  });

  it("ignores self-referral", async () => {
    const email = `self-${randomUUID()}@example.test`;
    const a = await pledge({ email, verifiedAt: null });
    await savePledge(
      { email, country: "DE", platforms: ["facebook"], remindersConsent: false, locale: "en" },
      { referralCode: a.code, consentText: "x", now: t0, signupNetworkHash: "n" },
    );
    const row = await db.pledge.findUniqueOrThrow({ where: { id: a.pledgeId } });
    expect(row.referredById).toBeNull();
    expect(row.signupNetworkHash).toBeNull();
  });
});

describe("network hashes", () => {
  it("are stored on invitees only, as given, and never without a referrer", async () => {
    const a = await pledge();
    const invitee = await pledge({ ref: a.code, network: "f".repeat(64) });
    const stranger = await pledge({ network: "e".repeat(64) });
    const rows = await db.pledge.findMany({
      where: { id: { in: [invitee.pledgeId, stranger.pledgeId] } },
      select: { id: true, signupNetworkHash: true },
    });
    expect(rows.find((r) => r.id === invitee.pledgeId)?.signupNetworkHash).toBe("f".repeat(64));
    expect(rows.find((r) => r.id === stranger.pledgeId)?.signupNetworkHash).toBeNull();
  });

  it("are left empty outside a request (no headers to read)", async () => {
    const a = await pledge();
    const saved = await savePledge(
      {
        email: `nohdr-${randomUUID()}@example.test`,
        country: "DE",
        platforms: ["facebook"],
        remindersConsent: false,
        locale: "en",
      },
      { referralCode: a.code, consentText: "x", now: t0 },
    );
    const row = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
    expect(row.referredById).toBe(a.pledgeId);
    expect(row.signupNetworkHash).toBeNull();
  });
});

describe("fraud controls (flag, never block)", () => {
  it(`flags a burst of ${NETWORK_BURST_COUNT} verified invitees from one network within an hour`, async () => {
    const a = await pledge();
    const network = randomUUID();
    const invitees: Person[] = [];
    for (let i = 0; i < NETWORK_BURST_COUNT - 1; i++) {
      invitees.push(await pledge({ ref: a.code, network, verifiedAt: minutes(i * 10) }));
    }
    expect((await flagOf(a.pledgeId)).referralFlaggedAt).toBeNull();
    for (const p of invitees) expect((await flagOf(p.pledgeId)).referralFlaggedAt).toBeNull();

    invitees.push(await pledge({ ref: a.code, network, verifiedAt: minutes(50) }));
    for (const p of invitees) {
      expect(await flagOf(p.pledgeId)).toMatchObject({ referralFlagReason: "network_burst" });
    }
    // The invitees are flagged, never the referrer.
    expect((await flagOf(a.pledgeId)).referralFlaggedAt).toBeNull();
    // Flagged, not blocked: all of them still count on the card.
    expect(await getReferralCard(a.userId)).toMatchObject({ verified: NETWORK_BURST_COUNT, isFlagged: true });
  });

  it("leaves invitees from one network alone when spread beyond the window, or from different networks", async () => {
    const a = await pledge();
    const network = randomUUID();
    const step = NETWORK_BURST_WINDOW_MS / 60_000 / (NETWORK_BURST_COUNT - 1) + 1;
    for (let i = 0; i < NETWORK_BURST_COUNT; i++) {
      await pledge({ ref: a.code, network, verifiedAt: minutes(i * step) });
    }
    for (let i = 0; i < NETWORK_BURST_COUNT; i++) {
      await pledge({ ref: a.code, network: randomUUID(), verifiedAt: minutes(i) });
    }
    // Unverified pledges from the network never count.
    for (let i = 0; i < NETWORK_BURST_COUNT; i++) await pledge({ ref: a.code, network, verifiedAt: null });
    expect((await flagOf(a.pledgeId)).referralFlaggedAt).toBeNull();
    expect(
      await db.pledge.count({ where: { referredById: a.pledgeId, referralFlaggedAt: { not: null } } }),
    ).toBe(0);
  });

  it("flags three verified invitees with near-identical addresses, not two", async () => {
    const a = await pledge();
    const domain = `${randomUUID().slice(0, 8)}.example.test`;
    const first = await pledge({ ref: a.code, email: `max.power@${domain}` });
    const second = await pledge({ ref: a.code, email: `maxpower2@${domain}` });
    const other = await pledge({ ref: a.code, email: `eva@${domain}` });
    await pledge({ ref: a.code, email: `max.power+3@${domain}`, verifiedAt: null });
    expect((await flagOf(a.pledgeId)).referralFlaggedAt).toBeNull();

    const third = await pledge({ ref: a.code, email: `m.axpower+77@${domain}` });
    for (const p of [first, second, third]) {
      expect(await flagOf(p.pledgeId)).toMatchObject({ referralFlagReason: "similar_addresses" });
    }
    expect((await flagOf(a.pledgeId)).referralFlaggedAt).toBeNull();
    expect((await flagOf(other.pledgeId)).referralFlaggedAt).toBeNull();
  });
});

describe("the leaderboard", () => {
  const board = async () => getLeaderboard(campaignId, 10_000);
  const names = async () => (await board()).map((e) => e.name);

  it("shows opted-in referrers by verified, unflagged invitees; never flagged or opted-out ones", async () => {
    const tag = randomUUID().slice(0, 6);
    const top = await pledge();
    const second = await pledge();
    const quiet = await pledge();
    const flagged = await pledge();
    const none = await pledge();
    for (let i = 0; i < 3; i++) await pledge({ ref: top.code });
    await pledge({ ref: top.code, verifiedAt: null });
    await pledge({ ref: second.code });
    await pledge({ ref: quiet.code });
    const network = randomUUID();
    for (let i = 0; i < NETWORK_BURST_COUNT; i++)
      await pledge({ ref: flagged.code, network, verifiedAt: minutes(i) });

    expect(await names()).not.toContain(`Top ${tag}`);
    await joinLeaderboard(top.userId, `Top ${tag}`, t0);
    await joinLeaderboard(second.userId, `<b>Second</b> ${tag}`, t0);
    await joinLeaderboard(flagged.userId, `Flagged ${tag}`, t0);
    await joinLeaderboard(none.userId, `None ${tag}`, t0);

    const entries = (await board()).filter((e) => e.name.endsWith(tag));
    expect(entries.map(({ name, verified }) => ({ name, verified }))).toEqual([
      { name: `Top ${tag}`, verified: 3 },
      { name: `<b>Second</b> ${tag}`, verified: 1 },
    ]);
    expect(entries[0]!.rank).toBeLessThan(entries[1]!.rank);

    expect(await leaveLeaderboard(second.userId)).toBe(true);
    expect(await names()).not.toContain(`<b>Second</b> ${tag}`);
    const row = await db.pledge.findUniqueOrThrow({ where: { id: second.pledgeId } });
    expect(row).toMatchObject({ leaderboardName: null, leaderboardOptInAt: null });
  });

  it("does not count an invitee flagged for similar addresses", async () => {
    const tag = randomUUID().slice(0, 6);
    const domain = `${tag}.example.test`;
    const a = await pledge();
    await joinLeaderboard(a.userId, `Alias ${tag}`, t0);
    for (const email of [`ann@${domain}`, `ann1@${domain}`, `a.nn2@${domain}`])
      await pledge({ ref: a.code, email });
    expect(await names()).not.toContain(`Alias ${tag}`);
  });

  it("attack: me+1@, me+2@, me+3@ signed up through someone's link do not knock them off the leaderboard", async () => {
    const tag = randomUUID().slice(0, 6);
    const domain = `${tag}.example.test`;
    const victim = await pledge();
    await joinLeaderboard(victim.userId, `Victim ${tag}`, t0);
    for (const friend of ["lena", "omar", "pia"])
      await pledge({ ref: victim.code, email: `${friend}@${domain}` });
    expect(await board()).toContainEqual(expect.objectContaining({ name: `Victim ${tag}`, verified: 3 }));

    const attacker = `me${tag}`;
    for (let i = 1; i <= 3; i++) await pledge({ ref: victim.code, email: `${attacker}+${i}@${domain}` });
    // The attacker's sign-ups are flagged and do not count; the victim keeps their place.
    expect(await board()).toContainEqual(expect.objectContaining({ name: `Victim ${tag}`, verified: 3 }));
    expect((await flagOf(victim.pledgeId)).referralFlaggedAt).toBeNull();

    // A reviewer sees the flags (counts only) and may approve them: they count again.
    const review = await listFlaggedReferrals(campaignId);
    expect(review).toContainEqual(
      expect.objectContaining({
        referrerPledgeId: victim.pledgeId,
        flagged: 3,
        reasons: ["similar_addresses"],
      }),
    );
    expect(await approveFlaggedReferrals(victim.pledgeId)).toBe(3);
    expect(await board()).toContainEqual(expect.objectContaining({ name: `Victim ${tag}`, verified: 6 }));
  });

  it("is opt-in only for verified pledges, and renames keep the opt-in time", async () => {
    const unverified = await pledge({ verifiedAt: null });
    expect(await joinLeaderboard(unverified.userId, "Pending", t0)).toBe(false);
    const a = await pledge();
    await joinLeaderboard(a.userId, "First name", t0);
    await joinLeaderboard(a.userId, "Second name", minutes(30));
    const row = await db.pledge.findUniqueOrThrow({ where: { id: a.pledgeId } });
    expect(row.leaderboardName).toBe("Second name");
    expect(row.leaderboardOptInAt?.toISOString()).toBe(t0.toISOString());
  });
});

describe("share previews", () => {
  it("show the first name only after the referrer opts in, and only theirs", async () => {
    const a = await pledge({ firstName: "Ada" });
    const b = await pledge({ firstName: "Bea" });
    expect(await getReferralPreview(a.code)).toMatchObject({ code: a.code, firstName: null });
    expect(await setShowFirstNameOnShare(a.userId, true)).toBe(true);
    expect(await getReferralPreview(a.code)).toMatchObject({ firstName: "Ada" });
    expect(await getReferralPreview(b.code)).toMatchObject({ firstName: null });
    await setShowFirstNameOnShare(a.userId, false);
    expect(await getReferralPreview(a.code)).toMatchObject({ firstName: null });
  });

  it("know nothing of unknown or malformed codes", async () => {
    expect(await getReferralPreview("zzzzzzzzzz")).toBeNull();
    expect(await getReferralPreview("<script>")).toBeNull();
    expect(await setShowFirstNameOnShare(`nobody-${randomUUID()}`, true)).toBe(false);
  });
});
