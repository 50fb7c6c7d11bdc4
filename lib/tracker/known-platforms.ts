import type { Campaign } from "@/lib/campaign";

/** Accounts of platforms the running campaign still has (a removed platform counts for nothing). */
export function ofKnownPlatforms<T extends { platform: string }>(
  campaign: Campaign,
  rows: readonly T[],
): T[] {
  const known = new Set(campaign.platforms.map((p) => p.id));
  return rows.filter((row) => known.has(row.platform));
}
