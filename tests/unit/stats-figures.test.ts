import { describe, expect, it } from "vitest";
import { loadCampaign } from "@/lib/campaign";
import {
  CACHE_MAX_AGE_SECONDS,
  HTTP_MAX_AGE_SECONDS,
  HTTP_S_MAXAGE_SECONDS,
  HTTP_STALE_WHILE_REVALIDATE_SECONDS,
  MAX_STALENESS_SECONDS,
  STATS_CACHE_CONTROL,
} from "@/lib/stats/cache";
import { EEA_COUNTRIES } from "@/lib/stats/countries";
import { computeStats, funnelSteps, publishedCount } from "@/lib/stats/figures";
import { statKey } from "@/lib/stats/keys";
import { PRIVACY_THRESHOLD, publicStatsSchema } from "@/lib/stats/schema";

const campaign = loadCampaign();
const now = new Date("2025-05-20T10:00:00Z");
const compute = (entries: [string, number][]) =>
  computeStats(new Map(entries), campaign, { now, maxStalenessSeconds: MAX_STALENESS_SECONDS });

describe("public figures from counters", () => {
  it("is all zeros, every country below the threshold, on an empty campaign", () => {
    const stats = compute([]);
    expect(stats.totals).toEqual({
      pledges: 0,
      verifiedPledges: 0,
      referredPledges: 0,
      finished: 0,
      objectionsSubmitted: 0,
      objectionsConfirmed: 0,
    });
    expect(stats.referralShare).toBeNull();
    expect(stats.perDay).toEqual([]);
    expect(stats.countries).toHaveLength(EEA_COUNTRIES.length + 1);
    expect(stats.countries.every((c) => c.count === null)).toBe(true);
    expect(stats.platforms.map((p) => [p.id, p.submitted, p.confirmed])).toEqual([
      ["facebook", 0, 0],
      ["instagram", 0, 0],
      ["whatsapp", 0, 0],
    ]);
    expect(stats.deadline).toEqual({ at: campaign.deadline.at, timeZone: "Europe/Brussels", isPast: false });
    expect(publicStatsSchema.safeParse(stats).success).toBe(true);
  });

  it("keeps pledged, verified, submitted and confirmed apart, per platform", () => {
    const stats = compute([
      [statKey.pledges, 120],
      [statKey.verified, 100],
      [statKey.referred, 25],
      [statKey.finished, 40],
      [statKey.submitted("facebook"), 70],
      [statKey.confirmed("facebook"), 30],
      [statKey.submitted("instagram"), 50],
      [statKey.confirmed("instagram"), 10],
      [statKey.submitted("tiktok"), 999],
    ]);
    expect(stats.totals).toEqual({
      pledges: 120,
      verifiedPledges: 100,
      referredPledges: 25,
      finished: 40,
      objectionsSubmitted: 120,
      objectionsConfirmed: 40,
    });
    expect(stats.referralShare).toBe(0.25);
    expect(stats.platforms.find((p) => p.id === "instagram")).toEqual({
      id: "instagram",
      name: "Instagram",
      submitted: 50,
      confirmed: 10,
    });
  });

  it("never publishes a country count below the threshold, and orders those by code", () => {
    const stats = compute([
      [statKey.country("DE"), 250],
      [statKey.country("FR"), 10],
      [statKey.country("MT"), 9],
      [statKey.country("AT"), 1],
      [statKey.country("ZZ"), 3],
      [statKey.country("CH"), 12],
    ]);
    expect(stats.countries.slice(0, 3)).toEqual([
      { code: "DE", count: 250 },
      { code: "CH", count: 12 },
      { code: "FR", count: 10 },
    ]);
    const below = stats.countries.slice(3);
    expect(below.every((c) => c.count === null)).toBe(true);
    expect(below.map((c) => c.code)).toEqual([...below.map((c) => c.code)].sort());
    expect(below.map((c) => c.code)).toEqual(expect.arrayContaining(["AT", "MT", "ZZ", "LI"]));
    expect(JSON.stringify(stats)).not.toMatch(/"count":[1-9]\D/);
  });

  it("attack: total minus the published countries does not reveal a small hidden count, even when polled", () => {
    const remainderOf = (stats: ReturnType<typeof compute>) =>
      stats.totals.verifiedPledges - stats.countries.reduce((sum, c) => sum + (c.count ?? 0), 0);
    const base: [string, number][] = [
      [statKey.country("DE"), 250],
      [statKey.country("FR"), 40],
      [statKey.country("MT"), 3],
    ];
    const withTotal = (rows: [string, number][]) => {
      const total = rows.reduce((sum, [, value]) => sum + value, 0);
      return compute([...rows, [statKey.verified, total]]);
    };
    const before = withTotal(base);
    expect(remainderOf(before)).toBeGreaterThanOrEqual(PRIVACY_THRESHOLD);
    expect(before.countries.find((c) => c.code === "FR")?.count).toBeNull();
    expect(before.countries[0]).toEqual({ code: "DE", count: 250 });
    // One more person in Malta: the published figures move no more than the total does.
    const after = withTotal([...base.slice(0, 2), [statKey.country("MT"), 4]]);
    expect(remainderOf(after)).toBeGreaterThanOrEqual(PRIVACY_THRESHOLD);
    for (const rows of [base, [[statKey.country("DE"), 9]] as [string, number][], []]) {
      const stats = withTotal(rows);
      const remainder = remainderOf(stats);
      // With no country published the remainder is the total, which is public anyway.
      const isTotal = remainder === stats.totals.verifiedPledges;
      expect(remainder === 0 || remainder >= PRIVACY_THRESHOLD || isTotal).toBe(true);
    }
  });

  it("has an output schema that refuses a small exact country count", () => {
    const stats = compute([[statKey.country("DE"), 50]]);
    const leaked = { ...stats, countries: [{ code: "MT", count: 3 }] };
    expect(publicStatsSchema.safeParse(leaked).success).toBe(false);
    expect(publicStatsSchema.safeParse({ ...stats, extra: 1 }).success).toBe(false);
    expect(publishedCount(PRIVACY_THRESHOLD - 1)).toBeNull();
    expect(publishedCount(PRIVACY_THRESHOLD)).toBe(PRIVACY_THRESHOLD);
  });

  it("fills the days between the first and the last with zeros", () => {
    const stats = compute([
      [statKey.day("2025-05-19"), 4],
      [statKey.day("2025-05-16"), 2],
      [statKey.day("2025-05-17"), 0],
      [statKey.day("2025-04-01"), 0],
    ]);
    expect(stats.perDay).toEqual([
      { day: "2025-05-16", count: 2 },
      { day: "2025-05-17", count: 0 },
      { day: "2025-05-18", count: 0 },
      { day: "2025-05-19", count: 4 },
    ]);
  });

  it("clamps impossible counters instead of publishing negative or inconsistent figures", () => {
    const stats = compute([
      [statKey.verified, 5],
      [statKey.referred, 9],
      [statKey.finished, -2],
      [statKey.country("DE"), -4],
    ]);
    expect(stats.totals.finished).toBe(0);
    expect(stats.totals.referredPledges).toBe(5);
    expect(stats.referralShare).toBe(1);
  });

  it("computes the funnel with the share of the step before", () => {
    const stats = compute([
      [statKey.pledges, 200],
      [statKey.verified, 150],
      [statKey.finished, 30],
    ]);
    expect(funnelSteps(stats)).toEqual([
      { stage: "pledged", count: 200, ofPrevious: null },
      { stage: "verified", count: 150, ofPrevious: 0.75 },
      { stage: "finished", count: 30, ofPrevious: 0.2 },
    ]);
    expect(funnelSteps(compute([])).map((s) => s.ofPrevious)).toEqual([null, null, null]);
  });

  it("says the deadline has passed once it has", () => {
    const after = computeStats(new Map(), campaign, {
      now: new Date("2025-06-01T00:00:00Z"),
      maxStalenessSeconds: MAX_STALENESS_SECONDS,
    });
    expect(after.deadline.isPast).toBe(true);
  });
});

describe("staleness bound", () => {
  it("adds up to at most 60 seconds, and the cache header says the same numbers", () => {
    expect(MAX_STALENESS_SECONDS).toBe(
      CACHE_MAX_AGE_SECONDS + HTTP_S_MAXAGE_SECONDS + HTTP_STALE_WHILE_REVALIDATE_SECONDS,
    );
    expect(MAX_STALENESS_SECONDS).toBeLessThanOrEqual(60);
    expect(HTTP_MAX_AGE_SECONDS).toBeLessThanOrEqual(HTTP_S_MAXAGE_SECONDS);
    expect(STATS_CACHE_CONTROL).toBe(
      `public, max-age=${HTTP_MAX_AGE_SECONDS}, s-maxage=${HTTP_S_MAXAGE_SECONDS}, stale-while-revalidate=${HTTP_STALE_WHILE_REVALIDATE_SECONDS}`,
    );
  });
});
