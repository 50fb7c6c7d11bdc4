import "server-only";
import { campaign as currentCampaign } from "@/lib/campaign";
import { db, type Tx } from "@/lib/db";
import { STAT_SHARDS } from "./counters";
import { statKey } from "./keys";

// The counters rebuilt from the rows they count, with the row definitions of the key
// contract (./counters.ts). Reads every pledge and submission of the campaign: for
// checks and repairs, never for serving pages.

type QueryClient = Pick<Tx, "$queryRaw">;

function add(counters: Map<string, number>, key: string, value: bigint | number) {
  const n = Number(value);
  if (n !== 0) counters.set(key, (counters.get(key) ?? 0) + n);
}

/** The zone of a campaign's "day:" counters: as recorded in the campaigns table, else the running campaign's. */
async function timeZoneOf(client: QueryClient, campaignId: string): Promise<string> {
  const [row] = await client.$queryRaw<{ time_zone: string }[]>`
    SELECT time_zone FROM campaigns WHERE id = ${campaignId}`;
  return row?.time_zone ?? currentCampaign().deadline.timeZone;
}

/**
 * What every counter of `campaignId` should hold according to the rows, in the same
 * shape as `readCounters` (zeros left out). Days are in `timeZone`, by default the
 * campaign's own (recorded in the campaigns table) or else the running campaign's.
 */
export async function recountStats(
  campaignId: string,
  options: { client?: QueryClient; timeZone?: string } = {},
): Promise<Map<string, number>> {
  const client = options.client ?? db;
  const timeZone = options.timeZone ?? (await timeZoneOf(client, campaignId));
  const counters = new Map<string, number>();

  const [totals] = await client.$queryRaw<
    { pledges: bigint; verified: bigint; referred: bigint; finished: bigint }[]
  >`
    SELECT count(*)::bigint AS pledges,
           count(verified_at)::bigint AS verified,
           count(*) FILTER (WHERE verified_at IS NOT NULL AND referred_by_id IS NOT NULL)::bigint AS referred,
           count(finished_at)::bigint AS finished
    FROM pledges WHERE campaign_id = ${campaignId}`;
  if (totals) {
    add(counters, statKey.pledges, totals.pledges);
    add(counters, statKey.verified, totals.verified);
    add(counters, statKey.referred, totals.referred);
    add(counters, statKey.finished, totals.finished);
  }

  const countries = await client.$queryRaw<{ country: string; n: bigint }[]>`
    SELECT country::text AS country, count(*)::bigint AS n
    FROM pledges WHERE campaign_id = ${campaignId} AND verified_at IS NOT NULL
    GROUP BY country`;
  for (const row of countries) add(counters, statKey.country(row.country), row.n);

  // verified_at is stored in UTC (timestamp without time zone): the day is taken in
  // the campaign's zone, as campaignDay() does for the writers.
  const days = await client.$queryRaw<{ day: string; n: bigint }[]>`
    SELECT to_char((verified_at AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
           count(*)::bigint AS n
    FROM pledges WHERE campaign_id = ${campaignId} AND verified_at IS NOT NULL
    GROUP BY 1`;
  for (const row of days) add(counters, statKey.day(row.day), row.n);

  const platforms = await client.$queryRaw<{ platform: string; submitted: bigint; confirmed: bigint }[]>`
    SELECT platform,
           count(*) FILTER (WHERE status IN ('SUBMITTED', 'CONFIRMED'))::bigint AS submitted,
           count(*) FILTER (WHERE status = 'CONFIRMED')::bigint AS confirmed
    FROM submissions WHERE campaign_id = ${campaignId}
    GROUP BY platform`;
  for (const row of platforms) {
    add(counters, statKey.submitted(row.platform), row.submitted);
    add(counters, statKey.confirmed(row.platform), row.confirmed);
  }
  return counters;
}

export type CounterMismatch = { key: string; counters: number; rows: number };

/** The keys where the counters and the recount disagree (a missing key counts as 0). */
export function diffCounters(
  counters: ReadonlyMap<string, number>,
  recounted: ReadonlyMap<string, number>,
): CounterMismatch[] {
  const keys = new Set([...counters.keys(), ...recounted.keys()]);
  return [...keys]
    .sort()
    .map((key) => ({ key, counters: counters.get(key) ?? 0, rows: recounted.get(key) ?? 0 }))
    .filter((entry) => entry.counters !== entry.rows);
}

/**
 * Replaces the campaign's counters with a recount, for repairs. The table lock makes
 * writers wait: one that already moved a counter commits before the recount reads,
 * one that has not yet moved it applies its delta after the rebuild. Either way
 * nothing is counted twice or lost.
 */
export async function rebuildStatCounters(campaignId: string, options: { timeZone?: string } = {}) {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE stat_counters IN SHARE ROW EXCLUSIVE MODE`;
      const recounted = await recountStats(campaignId, { client: tx, timeZone: options.timeZone });
      await tx.$executeRaw`DELETE FROM stat_counters WHERE campaign_id = ${campaignId}`;
      const keys = [...recounted.keys()];
      const values = [...recounted.values()].map((value) => BigInt(value));
      // Spread over the shards like live increments, so later deltas contend as little.
      await tx.$executeRaw`
        INSERT INTO stat_counters (campaign_id, key, shard, value)
        SELECT ${campaignId}, k, (row_number() OVER () % ${STAT_SHARDS})::int, v
        FROM unnest(${keys}::text[], ${values}::bigint[]) AS t(k, v)`;
      return recounted;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
