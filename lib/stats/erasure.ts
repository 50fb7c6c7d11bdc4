import "server-only";
import { campaign as currentCampaign } from "@/lib/campaign";
import { Prisma, type Tx } from "@/lib/db";
import type { StatDelta } from "./counters";
import { applyStatDelta } from "./counters";
import { statKey } from "./keys";

// The aggregate figures count only people whose data still exists: erasing a person
// takes them out of every counter, in the transaction that deletes their rows.

export type CampaignStatDelta = { campaignId: string; delta: StatDelta };

function subtract(delta: StatDelta, key: string, by = 1) {
  delta[key] = (delta[key] ?? 0) - by;
}

export type ErasureScope = {
  /** Only this campaign's rows of the person (retention at that campaign's cutoff); all when absent. */
  campaignId?: string;
  /**
   * The zone of the "day:" counters for campaigns the campaigns table does not know;
   * by default the running campaign's. A recorded campaign's own zone always wins.
   */
  timeZone?: string;
};

/**
 * The (negative) counter changes that erasing `userId` (or only their rows of
 * `scope.campaignId`) causes, per campaign, from their pledges and submissions. Call it
 * inside the deletion's transaction, right before deleting the rows: it locks the rows
 * it reads, so a concurrent tracker or verification write waits for the erasure
 * instead of moving a counter twice.
 *
 * Also takes back "referred" for the person's verified invitees: deleting the pledge
 * clears their referred_by_id (ON DELETE SET NULL), so they no longer count as referred.
 */
export async function statDeltaForErasure(
  tx: Tx,
  userId: string,
  scope: ErasureScope = {},
): Promise<CampaignStatDelta[]> {
  const timeZone = scope.timeZone ?? currentCampaign().deadline.timeZone;
  const ofCampaign = (column: Prisma.Sql) =>
    scope.campaignId === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${scope.campaignId}`;
  const byCampaign = new Map<string, StatDelta>();
  const deltaFor = (campaignId: string) => {
    let delta = byCampaign.get(campaignId);
    if (!delta) {
      delta = {};
      byCampaign.set(campaignId, delta);
    }
    return delta;
  };

  const pledges = await tx.$queryRaw<
    {
      id: string;
      campaign_id: string;
      country: string;
      verified_day: string | null;
      referred: boolean;
      finished: boolean;
    }[]
  >`
    SELECT p.id, p.campaign_id, p.country::text AS country,
           to_char((p.verified_at AT TIME ZONE 'UTC') AT TIME ZONE coalesce(c.time_zone, ${timeZone}),
                   'YYYY-MM-DD') AS verified_day,
           p.referred_by_id IS NOT NULL AS referred,
           p.finished_at IS NOT NULL AS finished
    FROM pledges p LEFT JOIN campaigns c ON c.id = p.campaign_id
    WHERE p.user_id = ${userId} ${ofCampaign(Prisma.sql`p.campaign_id`)}
    FOR UPDATE OF p`;
  for (const pledge of pledges) {
    const delta = deltaFor(pledge.campaign_id);
    subtract(delta, statKey.pledges);
    if (pledge.finished) subtract(delta, statKey.finished);
    if (pledge.verified_day) {
      subtract(delta, statKey.verified);
      subtract(delta, statKey.country(pledge.country));
      subtract(delta, statKey.day(pledge.verified_day));
      if (pledge.referred) subtract(delta, statKey.referred);
    }
    const invitees = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM pledges
      WHERE referred_by_id = ${pledge.id} AND verified_at IS NOT NULL
      FOR UPDATE`;
    if (invitees.length > 0) subtract(deltaFor(pledge.campaign_id), statKey.referred, invitees.length);
  }

  const submissions = await tx.$queryRaw<{ campaign_id: string; platform: string; status: string }[]>`
    SELECT campaign_id, platform, status::text AS status
    FROM submissions
    WHERE user_id = ${userId} AND status IN ('SUBMITTED', 'CONFIRMED') ${ofCampaign(Prisma.sql`campaign_id`)}
    FOR UPDATE`;
  for (const submission of submissions) {
    const delta = deltaFor(submission.campaign_id);
    subtract(delta, statKey.submitted(submission.platform));
    if (submission.status === "CONFIRMED") subtract(delta, statKey.confirmed(submission.platform));
  }

  return [...byCampaign].map(([campaignId, delta]) => ({ campaignId, delta }));
}

/** Computes and applies the erasure's delta in `tx`; returns what it applied. */
export async function applyStatDeltaForErasure(
  tx: Tx,
  userId: string,
  scope: ErasureScope = {},
): Promise<CampaignStatDelta[]> {
  const deltas = await statDeltaForErasure(tx, userId, scope);
  for (const { campaignId, delta } of deltas) await applyStatDelta(tx, campaignId, delta);
  return deltas;
}
