// The stats domain's public surface. Pages and routes read figures through here;
// features that change counted rows move the counters with applyStatDelta.
export {
  MAX_STALENESS_SECONDS,
  STATS_CACHE_CONTROL,
} from "./cache";
export { applyStatDelta, readCounters, STAT_SHARDS, type StatDelta } from "./counters";
export {
  applyStatDeltaForErasure,
  type CampaignStatDelta,
  type ErasureScope,
  statDeltaForErasure,
} from "./erasure";
export { computeStats, type FunnelStep, funnelSteps, publishedCount } from "./figures";
export { countersWithPrefix, statKey } from "./keys";
export {
  getPublicStats,
  getPublicStatsIfAvailable,
  getPublishedStats,
  type PublishedStats,
} from "./public-stats";
export { type CounterMismatch, diffCounters, rebuildStatCounters, recountStats } from "./recount";
export {
  type CountryFigure,
  type DayFigure,
  PRIVACY_THRESHOLD,
  type PublicStats,
  publicStatsSchema,
} from "./schema";
