import "server-only";
import { type Campaign, campaign as currentCampaign } from "@/lib/campaign";
import { isBuildPhase } from "@/lib/http/page-cache";
import { logger } from "@/lib/log";
import {
  CACHE_FRESH_SECONDS,
  CACHE_MAX_AGE_SECONDS,
  createRefreshingCache,
  MAX_STALENESS_SECONDS,
  type RefreshingCache,
} from "./cache";
import { readCounters } from "./counters";
import { computeStats } from "./figures";
import type { PublicStats } from "./schema";

/** The figures and their JSON body, serialised once per refresh rather than per request. */
export type PublishedStats = { stats: PublicStats; json: string };

// On globalThis: Next.js may bundle this module once per route, and the page, the
// API and the embed should share one cache (and one database read per refresh).
const globalCache = globalThis as unknown as { statsCaches?: Map<string, RefreshingCache<PublishedStats>> };

function cacheFor(campaign: Campaign): RefreshingCache<PublishedStats> {
  globalCache.statsCaches ??= new Map();
  let cache = globalCache.statsCaches.get(campaign.id);
  if (!cache) {
    cache = createRefreshingCache({
      freshMs: CACHE_FRESH_SECONDS * 1000,
      maxAgeMs: CACHE_MAX_AGE_SECONDS * 1000,
      async load() {
        const now = new Date();
        const counters = await readCounters(campaign.id);
        const stats = computeStats(counters, campaign, { now, maxStalenessSeconds: MAX_STALENESS_SECONDS });
        return { stats, json: JSON.stringify(stats) };
      },
      onBackgroundError(error) {
        logger.error(
          { err: error, module: "stats" },
          "background refresh failed, serving the previous figures",
        );
      },
    });
    globalCache.statsCaches.set(campaign.id, cache);
  }
  return cache;
}

/**
 * The running campaign's public figures: a bounded number of counter rows read at most
 * every CACHE_FRESH_SECONDS, whatever the number of pledges (staleness: ./cache.ts).
 */
export async function getPublishedStats(campaign: Campaign = currentCampaign()): Promise<PublishedStats> {
  return cacheFor(campaign).get();
}

export async function getPublicStats(campaign: Campaign = currentCampaign()): Promise<PublicStats> {
  return (await getPublishedStats(campaign)).stats;
}

/**
 * The figures for a page that must render without them: null while `next build`
 * prerenders (no database then, lib/http/page-cache.ts) or when they cannot be read
 * (logged), so the page shows its "not available" state instead of an error.
 */
export async function getPublicStatsIfAvailable(
  campaign: Campaign,
  { route }: { route: string },
): Promise<PublicStats | null> {
  if (isBuildPhase()) return null;
  try {
    return await getPublicStats(campaign);
  } catch (error) {
    logger.error({ err: error, module: "stats", route }, "figures unavailable");
    return null;
  }
}
