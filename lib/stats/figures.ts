import type { Campaign } from "@/lib/campaign/schema";
import { EEA_COUNTRIES, OUTSIDE_COUNTRY } from "./countries";
import { countersWithPrefix, statKey } from "./keys";
import { PRIVACY_THRESHOLD, type PublicStats, publicStatsSchema } from "./schema";

// From raw counters to the published figures: pure, so it is tested without a database.

/** A counter's value, never negative (a negative sum would mean a bug upstream, not news). */
const read = (counters: ReadonlyMap<string, number>, key: string) => Math.max(0, counters.get(key) ?? 0);

/** A country's count as published: exact from the threshold up, null below it. */
export function publishedCount(value: number): number | null {
  return value >= PRIVACY_THRESHOLD ? value : null;
}

function countryFigures(counters: ReadonlyMap<string, number>): PublicStats["countries"] {
  const byCountry = countersWithPrefix(counters, "country");
  const codes = new Set<string>([...EEA_COUNTRIES, OUTSIDE_COUNTRY]);
  for (const code of byCountry.keys()) if (/^[A-Z]{2}$/.test(code)) codes.add(code);
  const exact = [...codes].map((code) => ({ code, value: Math.max(0, byCountry.get(code) ?? 0) }));
  const hidden = suppressedCodes(exact);
  const rows = exact.map(({ code, value }) => ({
    code,
    count: hidden.has(code) ? null : publishedCount(value),
  }));
  // Countries below the threshold are ordered by code: ordering them by size would
  // give away what their "fewer than" hides.
  return rows.sort((a, b) => {
    if (a.count !== null && b.count !== null) return b.count - a.count || a.code.localeCompare(b.code);
    if (a.count !== null) return -1;
    if (b.count !== null) return 1;
    return a.code.localeCompare(b.code);
  });
}

/**
 * The countries to hide. Below the threshold a country is hidden; but the total is
 * public, so total minus the published countries tells exactly how many people the
 * hidden ones hold together (and, polled, who just signed up there). Whenever that
 * remainder is between 1 and the threshold, the smallest published country is hidden
 * too (complementary suppression), until what the hidden countries hold together is
 * 0 or at least the threshold.
 */
export function suppressedCodes(countries: readonly { code: string; value: number }[]): Set<string> {
  const hidden = new Set(countries.filter((c) => c.value < PRIVACY_THRESHOLD).map((c) => c.code));
  let remainder = countries.filter((c) => hidden.has(c.code)).reduce((sum, c) => sum + c.value, 0);
  const published = countries
    .filter((c) => !hidden.has(c.code))
    .sort((a, b) => a.value - b.value || a.code.localeCompare(b.code));
  for (const next of published) {
    if (remainder === 0 || remainder >= PRIVACY_THRESHOLD) break;
    hidden.add(next.code);
    remainder += next.value;
  }
  return hidden;
}

const DAY_MS = 86_400_000;

/** Every day from the first to the last one with a count, gaps filled with zeros. */
function dayFigures(counters: ReadonlyMap<string, number>): PublicStats["perDay"] {
  const byDay = new Map<string, number>();
  for (const [day, value] of countersWithPrefix(counters, "day")) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(day) && value > 0) byDay.set(day, value);
  }
  const days = [...byDay.keys()].sort();
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const out: PublicStats["perDay"] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= end; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    out.push({ day, count: byDay.get(day) ?? 0 });
  }
  return out;
}

/** The public figures of `campaign` from its counters (see the key contract in ./counters.ts). */
export function computeStats(
  counters: ReadonlyMap<string, number>,
  campaign: Campaign,
  options: { now: Date; maxStalenessSeconds: number },
): PublicStats {
  const verifiedPledges = read(counters, statKey.verified);
  const referredPledges = Math.min(read(counters, statKey.referred), verifiedPledges);
  const platforms = campaign.platforms.map((platform) => ({
    id: platform.id,
    name: platform.name,
    submitted: read(counters, statKey.submitted(platform.id)),
    confirmed: read(counters, statKey.confirmed(platform.id)),
  }));
  const deadline = new Date(campaign.deadline.at);
  return publicStatsSchema.parse({
    campaignId: campaign.id,
    generatedAt: options.now.toISOString(),
    maxStalenessSeconds: options.maxStalenessSeconds,
    privacyThreshold: PRIVACY_THRESHOLD,
    deadline: {
      at: campaign.deadline.at,
      timeZone: campaign.deadline.timeZone,
      isPast: deadline.getTime() <= options.now.getTime(),
    },
    totals: {
      pledges: read(counters, statKey.pledges),
      verifiedPledges,
      referredPledges,
      finished: read(counters, statKey.finished),
      objectionsSubmitted: platforms.reduce((sum, p) => sum + p.submitted, 0),
      objectionsConfirmed: platforms.reduce((sum, p) => sum + p.confirmed, 0),
    },
    referralShare: verifiedPledges > 0 ? referredPledges / verifiedPledges : null,
    platforms,
    countries: countryFigures(counters),
    perDay: dayFigures(counters),
  });
}

export type FunnelStep = {
  stage: "pledged" | "verified" | "finished";
  count: number;
  /** Share of the previous step (null for the first step or when it is zero). */
  ofPrevious: number | null;
};

/** Pledged, then verified, then finished everything, with the conversion between steps. */
export function funnelSteps(stats: PublicStats): FunnelStep[] {
  const counts = [
    ["pledged", stats.totals.pledges],
    ["verified", stats.totals.verifiedPledges],
    ["finished", stats.totals.finished],
  ] as const;
  return counts.map(([stage, count], index) => {
    const previous = index > 0 ? counts[index - 1]![1] : 0;
    return { stage, count, ofPrevious: index > 0 && previous > 0 ? Math.min(1, count / previous) : null };
  });
}
