import "server-only";
import type { Campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { listFlaggedReferrals } from "@/lib/referrals/fraud";

export type LinkReportGroup = {
  platform: string;
  name: string;
  formUrl: string | null;
  open: number;
  lastReportedAt: Date;
};

export type Reviews = {
  linkReports: LinkReportGroup[];
  flaggedReferrals: Awaited<ReturnType<typeof listFlaggedReferrals>>;
  suppressions: { reason: string; count: number }[];
};

/** What waits for an organiser's review: counts and ids, never who. */
export async function listReviews(campaign: Campaign): Promise<Reviews> {
  const [reports, flagged, suppressions] = await Promise.all([
    db.linkReport.groupBy({
      by: ["platform"],
      where: { campaignId: campaign.id, resolvedAt: null },
      _count: { _all: true },
      _max: { createdAt: true },
    }),
    listFlaggedReferrals(campaign.id),
    db.emailSuppression.groupBy({ by: ["reason"], _count: { _all: true }, orderBy: { reason: "asc" } }),
  ]);
  const platforms = new Map(campaign.platforms.map((p) => [p.id, p]));
  return {
    linkReports: reports
      .map((row) => ({
        platform: row.platform,
        name: platforms.get(row.platform)?.name ?? row.platform,
        formUrl: platforms.get(row.platform)?.formUrl ?? null,
        open: row._count._all,
        lastReportedAt: row._max.createdAt ?? new Date(0),
      }))
      .sort((a, b) => b.lastReportedAt.getTime() - a.lastReportedAt.getTime()),
    flaggedReferrals: flagged,
    suppressions: suppressions.map((row) => ({ reason: row.reason, count: row._count._all })),
  };
}
