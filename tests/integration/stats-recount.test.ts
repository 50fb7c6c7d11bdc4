import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { campaignDay, loadCampaign } from "@/lib/campaign";
import { db, type Tx } from "@/lib/db";
import {
  applyStatDelta,
  applyStatDeltaForErasure,
  diffCounters,
  getPublicStats,
  readCounters,
  rebuildStatCounters,
  recountStats,
  statDeltaForErasure,
  statKey,
} from "@/lib/stats";

// Plays the features that move the counters (sign-up, verification, tracker, erasure)
// exactly as the key contract in lib/stats/counters.ts says, then checks that the
// counters equal a recount from the rows. Each test has its own campaign id.

const config = loadCampaign();
const newCampaignId = () => `stats-test-${randomUUID().slice(0, 8)}`;

type Person = { userId: string; pledgeId: string; country: string };

async function pledge(
  campaignId: string,
  options: { country?: string; referredBy?: Person } = {},
): Promise<Person> {
  const country = options.country ?? "DE";
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: `stats-${randomUUID()}@example.test` } });
    const row = await tx.pledge.create({
      data: {
        userId: user.id,
        campaignId,
        country,
        platforms: ["facebook", "instagram"],
        locale: "en",
        referralCode: randomUUID().replaceAll("-", "").slice(0, 12),
        referredById: options.referredBy?.pledgeId,
      },
    });
    await applyStatDelta(tx, campaignId, { [statKey.pledges]: 1 });
    return { userId: user.id, pledgeId: row.id, country };
  });
}

async function verify(campaignId: string, person: Person, at = new Date()) {
  await db.$transaction(async (tx) => {
    const row = await tx.pledge.update({ where: { id: person.pledgeId }, data: { verifiedAt: at } });
    await applyStatDelta(tx, campaignId, {
      [statKey.verified]: 1,
      [statKey.country(row.country)]: 1,
      [statKey.day(campaignDay(config, at))]: 1,
      [statKey.referred]: row.referredById ? 1 : 0,
    });
  });
}

async function submit(campaignId: string, person: Person, platform: string, accountIndex = 1) {
  await db.$transaction(async (tx) => {
    await tx.submission.create({
      data: {
        userId: person.userId,
        campaignId,
        platform,
        accountIndex,
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    });
    await applyStatDelta(tx, campaignId, { [statKey.submitted(platform)]: 1 });
  });
}

async function confirm(campaignId: string, person: Person, platform: string, accountIndex = 1) {
  await db.$transaction(async (tx) => {
    await tx.submission.update({
      where: {
        userId_campaignId_platform_accountIndex: {
          userId: person.userId,
          campaignId,
          platform,
          accountIndex,
        },
      },
      data: { status: "CONFIRMED", confirmedAt: new Date() },
    });
    await applyStatDelta(tx, campaignId, { [statKey.confirmed(platform)]: 1 });
  });
}

async function finish(campaignId: string, person: Person) {
  await db.$transaction(async (tx) => {
    await tx.pledge.update({ where: { id: person.pledgeId }, data: { finishedAt: new Date() } });
    await applyStatDelta(tx, campaignId, { [statKey.finished]: 1 });
  });
}

async function erase(person: Person) {
  await db.$transaction(async (tx: Tx) => {
    await applyStatDeltaForErasure(tx, person.userId);
    await tx.user.delete({ where: { id: person.userId } });
  });
}

async function expectCountersMatchRows(campaignId: string) {
  const [counters, recounted] = await Promise.all([readCounters(campaignId), recountStats(campaignId)]);
  expect(diffCounters(counters, recounted)).toEqual([]);
  return recounted;
}

describe("stat counters against the rows", () => {
  it("agree after a mix of sign-ups, verifications, objections, referrals and erasures", async () => {
    const campaignId = newCampaignId();
    const referrer = await pledge(campaignId, { country: "FR" });
    await verify(campaignId, referrer, new Date("2025-05-10T09:00:00Z"));
    const invitees: Person[] = [];
    for (const country of ["FR", "BE", "ZZ"]) {
      const invitee = await pledge(campaignId, { country, referredBy: referrer });
      invitees.push(invitee);
    }
    // Verified just after midnight in Brussels: day 2025-05-20 there, 2025-05-19 in UTC.
    await verify(campaignId, invitees[0]!, new Date("2025-05-19T22:30:00Z"));
    await verify(campaignId, invitees[1]!, new Date("2025-05-20T10:00:00Z"));

    const others: Person[] = [];
    for (let i = 0; i < 12; i++) {
      const person = await pledge(campaignId, { country: i % 3 === 0 ? "NL" : "DE" });
      others.push(person);
      if (i % 4 !== 3) await verify(campaignId, person, new Date(Date.UTC(2025, 4, 12 + (i % 5), 8)));
    }
    for (const [index, person] of others.entries()) {
      if (index % 4 === 3) continue;
      await submit(campaignId, person, "facebook");
      if (index % 2 === 0) await submit(campaignId, person, "instagram");
      if (index % 3 === 0) await confirm(campaignId, person, "facebook");
      if (index % 2 === 0 && index % 3 === 0) {
        await confirm(campaignId, person, "instagram");
        await finish(campaignId, person);
      }
    }
    await submit(campaignId, invitees[0]!, "whatsapp");
    await confirm(campaignId, invitees[0]!, "whatsapp");
    await db.submission.create({
      data: { userId: others[0]!.userId, campaignId, platform: "whatsapp", accountIndex: 1 },
    });

    const before = await expectCountersMatchRows(campaignId);
    expect(before.get(statKey.pledges)).toBe(16);
    expect(before.get(statKey.verified)).toBe(12);
    expect(before.get(statKey.referred)).toBe(2);
    expect(before.get(statKey.day("2025-05-20"))).toBe(2);

    // Erase: someone finished with confirmed objections, an unverified invitee, an
    // unverified sign-up and the referrer (whose verified invitee stops counting as referred).
    await erase(others[0]!);
    await erase(invitees[2]!);
    await erase(others[3]!);
    await erase(referrer);

    const after = await expectCountersMatchRows(campaignId);
    expect(after.get(statKey.pledges)).toBe(12);
    expect(after.get(statKey.verified)).toBe(10);
    expect(after.get(statKey.referred)).toBeUndefined();
    expect(after.get(statKey.country("FR"))).toBe(1);
    const counters = await readCounters(campaignId);
    expect(counters.get(statKey.referred)).toBe(0);
  });

  it("agree after concurrent sign-ups spread over the shards", async () => {
    const campaignId = newCampaignId();
    const people = await Promise.all(Array.from({ length: 24 }, () => pledge(campaignId, { country: "IT" })));
    await Promise.all(people.map((person) => verify(campaignId, person, new Date("2025-05-15T12:00:00Z"))));
    const recounted = await expectCountersMatchRows(campaignId);
    expect(recounted.get(statKey.country("IT"))).toBe(24);
    const shards = await db.statCounter.count({ where: { campaignId, key: statKey.pledges } });
    expect(shards).toBeGreaterThan(1);
  });
});

describe("statDeltaForErasure", () => {
  it("takes back exactly what the person counted for, and nothing of anyone else", async () => {
    const campaignId = newCampaignId();
    const referrer = await pledge(campaignId, { country: "AT" });
    await verify(campaignId, referrer, new Date("2025-05-01T12:00:00Z"));
    const person = await pledge(campaignId, { country: "SE", referredBy: referrer });
    await verify(campaignId, person, new Date("2025-05-02T21:59:00Z"));
    const invitee = await pledge(campaignId, { country: "SE", referredBy: person });
    await verify(campaignId, invitee, new Date("2025-05-03T12:00:00Z"));
    await pledge(campaignId, { country: "SE", referredBy: person });
    await submit(campaignId, person, "facebook", 1);
    await submit(campaignId, person, "facebook", 2);
    await confirm(campaignId, person, "facebook", 2);
    await submit(campaignId, person, "instagram");
    await db.submission.create({
      data: { userId: person.userId, campaignId, platform: "whatsapp", accountIndex: 1 },
    });
    await finish(campaignId, person);

    const deltas = await db.$transaction((tx) => statDeltaForErasure(tx, person.userId));
    expect(deltas).toEqual([
      {
        campaignId,
        delta: {
          pledges: -1,
          verified: -1,
          finished: -1,
          "country:SE": -1,
          // 21:59 UTC is 23:59 in Brussels: still 2 May there.
          "day:2025-05-02": -1,
          // Their own referral, plus their one verified invitee, who loses the link.
          referred: -2,
          "submitted:facebook": -2,
          "confirmed:facebook": -1,
          "submitted:instagram": -1,
        },
      },
    ]);
    // Computing the delta changes nothing by itself.
    await expectCountersMatchRows(campaignId);
    await erase(person);
    await expectCountersMatchRows(campaignId);
  });

  it("is empty for someone who never pledged nor filed anything", async () => {
    const user = await db.user.create({ data: { email: `stats-${randomUUID()}@example.test` } });
    expect(await db.$transaction((tx) => statDeltaForErasure(tx, user.id))).toEqual([]);
  });
});

describe("rebuildStatCounters", () => {
  it("repairs counters that drifted from the rows", async () => {
    const campaignId = newCampaignId();
    const people = [await pledge(campaignId), await pledge(campaignId, { country: "PL" })];
    await verify(campaignId, people[1]!, new Date("2025-05-05T12:00:00Z"));
    await db.$transaction((tx) => applyStatDelta(tx, campaignId, { verified: 5, "country:XX": 3 }));
    expect(diffCounters(await readCounters(campaignId), await recountStats(campaignId))).toHaveLength(2);
    await rebuildStatCounters(campaignId);
    await expectCountersMatchRows(campaignId);
    await verify(campaignId, people[0]!, new Date("2025-05-06T12:00:00Z"));
    await expectCountersMatchRows(campaignId);
  });
});

describe("public figures", () => {
  it("read from an empty campaign without error", async () => {
    const stats = await getPublicStats({ ...config, id: newCampaignId() });
    expect(stats.totals.pledges).toBe(0);
    expect(stats.countries.every((c) => c.count === null)).toBe(true);
  });

  it("publish the counters with the privacy threshold applied", async () => {
    const campaignId = newCampaignId();
    const people = await Promise.all(
      Array.from({ length: 13 }, (_, i) => pledge(campaignId, { country: i < 10 ? "ES" : "PT" })),
    );
    for (const person of people) await verify(campaignId, person, new Date("2025-05-07T12:00:00Z"));
    const stats = await getPublicStats({ ...config, id: campaignId });
    expect(stats.totals.verifiedPledges).toBe(13);
    // Portugal (3) is below the threshold; Spain (10) alone would give Portugal's exact
    // count away (13 - 10), so it is hidden too (complementary suppression).
    expect(stats.countries.find((c) => c.code === "PT")).toEqual({ code: "PT", count: null });
    expect(stats.countries.find((c) => c.code === "ES")).toEqual({ code: "ES", count: null });
    expect(stats.perDay).toEqual([{ day: "2025-05-07", count: 13 }]);
  });
});
