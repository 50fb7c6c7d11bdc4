import { db, Prisma, type Tx } from "@/lib/db";

// Campaign figures are sharded counters (table stat_counters), moved in the same
// transaction as the rows they count. Each increment lands on a random shard, so
// concurrent sign-ups do not queue on one hot row; a read sums a bounded number of
// rows (keys x shards), whatever the number of pledges.
//
// Keys (the contract between the features that move them and the stats pages):
//   pledges                 every pledge made (verified or not)
//   verified                verified pledges (double opt-in done)
//   referred                verified pledges that came through a referral link
//   country:<CC>            verified pledges per country (ZZ: outside the EU/EEA)
//   day:<YYYY-MM-DD>        verified pledges per day, in the campaign's time zone
//   submitted:<platform>    accounts whose objection is submitted (incl. confirmed)
//   confirmed:<platform>    accounts whose objection the platform confirmed
//   finished                people who filed every objection they need
//
// In rows (what recountStats in ./recount.ts rebuilds them from, per campaign_id):
//   pledges    pledges rows;  verified  ... with verified_at set;
//   referred   ... with verified_at and referred_by_id set;  finished  ... with finished_at set;
//   country:CC / day:D  verified pledges by country / by the day of verified_at in the
//              campaign's time zone (campaignDay(campaign, verifiedAt));
//   submitted:P / confirmed:P  submissions rows of platform P with status SUBMITTED or
//              CONFIRMED / with status CONFIRMED.
// Erasing a person, or their rows of one campaign: apply statDeltaForErasure (./erasure.ts)
// before deleting the rows.

export const STAT_SHARDS = 16;

export type StatDelta = Record<string, number>;

/**
 * The INSERT that adds `delta` (key -> change) to the campaign's counters once per row
 * of `source` (a CTE of a larger statement, so that the counters move only if the row
 * they count was written by it), or null when `delta` changes nothing.
 */
export function statDeltaStatement(
  campaignId: string,
  delta: StatDelta,
  source: Prisma.Sql,
): Prisma.Sql | null {
  const entries = Object.entries(delta).filter(([, change]) => change !== 0);
  if (entries.length === 0) return null;
  const shard = Math.floor(Math.random() * STAT_SHARDS);
  const keys = entries.map(([key]) => key);
  const changes = entries.map(([, change]) => BigInt(change));
  return Prisma.sql`
    INSERT INTO stat_counters (campaign_id, key, shard, value)
    SELECT ${campaignId}, k, ${shard}, v FROM unnest(${keys}::text[], ${changes}::bigint[]) AS t(k, v), ${source}
    ON CONFLICT (campaign_id, key, shard) DO UPDATE SET value = stat_counters.value + EXCLUDED.value`;
}

/** Adds `delta` (key -> change) to the campaign's counters inside `tx`. */
export async function applyStatDelta(tx: Tx, campaignId: string, delta: StatDelta): Promise<void> {
  const statement = statDeltaStatement(campaignId, delta, Prisma.sql`(SELECT 1) AS once`);
  if (statement) await tx.$executeRaw(statement);
}

/** Every counter of the campaign, summed over shards. */
export async function readCounters(
  campaignId: string,
  client: Pick<Tx, "$queryRaw"> = db,
): Promise<Map<string, number>> {
  const rows = await client.$queryRaw<{ key: string; value: bigint }[]>`
    SELECT key, sum(value)::bigint AS value FROM stat_counters WHERE campaign_id = ${campaignId} GROUP BY key`;
  return new Map(rows.map((row) => [row.key, Number(row.value)]));
}
