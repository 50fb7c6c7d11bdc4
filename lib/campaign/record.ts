import "server-only";
import { db } from "@/lib/db";
import { deadlineOf, retentionCutoff } from "./deadline";
import type { Campaign } from "./schema";

// The campaigns table remembers each campaign's deadline, time zone and retention after
// its config file has been replaced by the next campaign's (see prisma/schema.prisma,
// model CampaignRecord). The config file stays the source of truth for the running
// campaign: recording it again with changed values updates the row.

export type RecordedCampaign = {
  id: string;
  deadlineAt: Date;
  timeZone: string;
  retentionDays: number;
  /** When its personal data is erased: deadlineAt + retentionDays. */
  cutoff: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

// What this process already wrote, so that a pledge costs no extra write once its
// campaign is recorded.
const recordedHere = new Map<string, string>();

function valuesOf(campaign: Campaign) {
  return {
    deadlineAt: deadlineOf(campaign),
    timeZone: campaign.deadline.timeZone,
    retentionDays: campaign.retentionDays,
  };
}

/** Records `campaign` when first seen, or its changed deadline, time zone or retention. */
export async function recordCampaign(campaign: Campaign): Promise<void> {
  const values = valuesOf(campaign);
  const fingerprint = `${values.deadlineAt.toISOString()}|${values.timeZone}|${values.retentionDays}`;
  if (recordedHere.get(campaign.id) === fingerprint) return;
  // Two statements rather than an upsert: concurrent first pledges do not collide, and
  // updated_at moves only when the config really changed something.
  await db.campaignRecord.createMany({ data: [{ id: campaign.id, ...values }], skipDuplicates: true });
  await db.campaignRecord.updateMany({
    where: {
      id: campaign.id,
      OR: [
        { deadlineAt: { not: values.deadlineAt } },
        { timeZone: { not: values.timeZone } },
        { retentionDays: { not: values.retentionDays } },
      ],
    },
    data: values,
  });
  recordedHere.set(campaign.id, fingerprint);
}

/** The recorded campaign as `campaign` describes it (what recordCampaign would store). */
export function asRecorded(campaign: Campaign): RecordedCampaign {
  return { id: campaign.id, ...valuesOf(campaign), cutoff: retentionCutoff(campaign) };
}

/** Every recorded campaign, oldest deadline first. */
export async function recordedCampaigns(): Promise<RecordedCampaign[]> {
  const rows = await db.campaignRecord.findMany({
    select: { id: true, deadlineAt: true, timeZone: true, retentionDays: true },
    orderBy: [{ deadlineAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    ...row,
    cutoff: new Date(row.deadlineAt.getTime() + row.retentionDays * DAY_MS),
  }));
}
