import "server-only";
import type { Campaign } from "@/lib/campaign";
import { getPublicStats } from "@/lib/stats";

// The aggregate figures as CSV: the published ones (lib/stats), so a country under the
// privacy threshold, or hidden with the smaller ones, is hidden here exactly as on
// /stats. No personal data: a day, a country code, a count.

const HIDDEN = "hidden";

/** CSV of verified pledges per day and per country: `kind,key,verified_pledges`. */
export async function buildStatsCsv(campaign: Campaign): Promise<string> {
  const stats = await getPublicStats(campaign);
  const lines = ["kind,key,verified_pledges"];
  for (const day of stats.perDay) lines.push(`day,${day.day},${day.count}`);
  for (const country of stats.countries) lines.push(`country,${country.code},${country.count ?? HIDDEN}`);
  return `${lines.join("\r\n")}\r\n`;
}
