import "server-only";
import { db, type Tx } from "@/lib/db";
import type { TrackerContext } from "./context";
import { lockOwnPledge } from "./pledge-lock";
import { fail, type TrackerResult } from "./result";

/**
 * "This link seems broken": one open report per person and platform (reporting again
 * changes nothing), for the organiser to check (see scripts/ops/link-reports.ts).
 */
export async function reportBrokenLink(
  userId: string,
  platform: string,
  { campaign }: Pick<TrackerContext, "campaign">,
): Promise<TrackerResult<{ isNew: boolean }>> {
  if (!campaign.platforms.some((p) => p.id === platform)) return fail("platform_invalid", "platform");
  return db.$transaction(async (tx) => {
    const pledge = await lockOwnPledge(tx, userId, campaign.id);
    if (!pledge) return fail("no_pledge");
    const open = await tx.linkReport.findFirst({
      where: { userId, campaignId: campaign.id, platform, resolvedAt: null },
      select: { id: true },
    });
    if (open) return { ok: true, data: { isNew: false } };
    await tx.linkReport.create({ data: { userId, campaignId: campaign.id, platform }, select: { id: true } });
    return { ok: true, data: { isNew: true } };
  });
}

export type OpenLinkReports = { platform: string; open: number; firstReportedAt: Date; lastReportedAt: Date };

/** Open (unresolved) reports per platform of a campaign, most reported first. For the organiser. */
export async function countOpenLinkReports(
  campaignId: string,
  client: Pick<Tx, "linkReport"> = db,
): Promise<OpenLinkReports[]> {
  const groups = await client.linkReport.groupBy({
    by: ["platform"],
    where: { campaignId, resolvedAt: null },
    _count: { _all: true },
    _min: { createdAt: true },
    _max: { createdAt: true },
  });
  return groups
    .map((g) => ({
      platform: g.platform,
      open: g._count._all,
      firstReportedAt: g._min.createdAt ?? new Date(0),
      lastReportedAt: g._max.createdAt ?? new Date(0),
    }))
    .sort((a, b) => b.open - a.open || a.platform.localeCompare(b.platform));
}

/** Marks every open report of a platform resolved (the organiser fixed or checked the link). */
export async function resolveLinkReports(campaignId: string, platform: string, now: Date): Promise<number> {
  const { count } = await db.linkReport.updateMany({
    where: { campaignId, platform, resolvedAt: null },
    data: { resolvedAt: now },
  });
  return count;
}
