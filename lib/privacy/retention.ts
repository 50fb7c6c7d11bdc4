import "server-only";
import type { Campaign } from "@/lib/campaign";
import { asRecorded, type RecordedCampaign, recordCampaign, recordedCampaigns } from "@/lib/campaign/record";
import { db, Prisma } from "@/lib/db";
import { UNVERIFIED_PLEDGE_DAYS } from "./data-model";
import { eraseCampaignData, eraseUser } from "./erase";

const DAY_MS = 24 * 60 * 60 * 1000;
const FINISHED = ["SENT", "FAILED", "SKIPPED"] as const;

export type CampaignRetention = {
  id: string;
  /** deadline + retentionDays, as recorded in the campaigns table (or the running config). */
  cutoff: string;
  isPastCutoff: boolean;
  /** People whose data of this campaign was erased in this run (or would be, in a dry run). */
  erased: number;
};

export type RetentionReport = {
  now: string;
  /** The running campaign's cutoff. */
  cutoff: string;
  isPastCutoff: boolean;
  isDryRun: boolean;
  /** Every campaign the database knows, oldest deadline first. */
  campaigns: CampaignRetention[];
  /**
   * Campaign ids in rows that no campaign record describes: kept, since their cutoff is
   * unknown. Running the job once with that campaign's config records it.
   */
  unrecordedCampaignIds: string[];
  /** People's data of a campaign past its cutoff, one per person and campaign. */
  erasedAfterCampaign: number;
  /** Pledges (with their campaign's data) never confirmed within UNVERIFIED_PLEDGE_DAYS. */
  erasedUnverified: number;
  /** Accounts left without anything of any campaign for UNVERIFIED_PLEDGE_DAYS. */
  erasedWithoutPledge: number;
  expiredVerificationTokens: number;
  clearedOutboxBodies: number;
  deletedOutboxEmails: number;
  expiredRateLimits: number;
};

export type RetentionOptions = { campaign: Campaign; now: Date; isDryRun?: boolean; batchSize?: number };

/** People with a row of the campaign: a pledge, submission, reminder or (not yet anonymous) link report. */
function peopleOf(campaignId: string) {
  return Prisma.sql`
    SELECT user_id FROM pledges WHERE campaign_id = ${campaignId}
    UNION SELECT user_id FROM submissions WHERE campaign_id = ${campaignId}
    UNION SELECT user_id FROM reminder_deliveries WHERE campaign_id = ${campaignId}
    UNION SELECT user_id FROM link_reports WHERE campaign_id = ${campaignId} AND user_id IS NOT NULL`;
}

/** Erases every person's data of the campaign, one transaction per person; counts in a dry run. */
async function eraseCampaign(campaignId: string, isDryRun: boolean, batchSize: number): Promise<number> {
  if (isDryRun) {
    const [row] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM (${peopleOf(campaignId)}) AS people`;
    return Number(row?.n ?? 0);
  }
  let erased = 0;
  for (;;) {
    const batch = await db.$queryRaw<{ user_id: string }[]>`
      SELECT user_id FROM (${peopleOf(campaignId)}) AS people ORDER BY user_id LIMIT ${batchSize}`;
    if (batch.length === 0) return erased;
    for (const { user_id } of batch) if (await eraseCampaignData(user_id, campaignId)) erased += 1;
  }
}

/** Erases the campaign's data of people whose pledge in it was never confirmed; counts in a dry run. */
async function eraseUnverified(
  where: Prisma.PledgeWhereInput,
  isDryRun: boolean,
  batchSize: number,
): Promise<number> {
  if (isDryRun) return db.pledge.count({ where });
  let erased = 0;
  for (;;) {
    const batch = await db.pledge.findMany({
      where,
      select: { userId: true, campaignId: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return erased;
    for (const { userId, campaignId } of batch) {
      if (await eraseCampaignData(userId, campaignId)) erased += 1;
    }
  }
}

/** Erases everyone matching `where`, one transaction per person; counts in a dry run. */
async function eraseAccounts(where: Prisma.UserWhereInput, isDryRun: boolean, batchSize: number) {
  if (isDryRun) return db.user.count({ where });
  let erased = 0;
  for (;;) {
    const batch = await db.user.findMany({
      where,
      select: { id: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return erased;
    for (const { id } of batch) if (await eraseUser(id)) erased += 1;
  }
}

/** Campaign ids that rows hold and no record describes. */
async function unrecordedIds(known: ReadonlySet<string>): Promise<string[]> {
  const rows = await db.$queryRaw<{ campaign_id: string }[]>`
    SELECT campaign_id FROM pledges
    UNION SELECT campaign_id FROM submissions
    UNION SELECT campaign_id FROM reminder_deliveries
    ORDER BY campaign_id`;
  return rows.map((row) => row.campaign_id).filter((id) => !known.has(id));
}

/**
 * The retention job (scripts/ops/retention.ts and /api/cron/retention), safe to run at
 * any time and repeatedly:
 * - records the running campaign (lib/campaign/record.ts), then, for every campaign the
 *   database knows whose own cutoff (its deadline + its retentionDays) has passed,
 *   erases each person's data of that campaign; a person's account goes only when no
 *   other campaign's data of theirs is left (lib/privacy/erase.ts, eraseCampaignData),
 *   and finished mail older than that cutoff goes too;
 * - erases pledges not confirmed within UNVERIFIED_PLEDGE_DAYS (with their campaign's
 *   data), and accounts left without any campaign's data for as long;
 * - deletes expired magic-link tokens (Auth.js deletes used ones when they are used),
 *   clears the bodies of mail already sent (or given up), deletes expired rate limits.
 * Campaign ids nobody recorded are kept and reported: their cutoff is not known.
 * A dry run records nothing and counts what a real run would erase.
 */
export async function runRetention(options: RetentionOptions): Promise<RetentionReport> {
  const { campaign, now } = options;
  const isDryRun = options.isDryRun ?? false;
  const batchSize = options.batchSize ?? 200;
  if (!isDryRun) await recordCampaign(campaign);
  // The running campaign as its config says now, also in a dry run (which records nothing).
  const running = asRecorded(campaign);
  const known = new Map<string, RecordedCampaign>((await recordedCampaigns()).map((c) => [c.id, c]));
  known.set(running.id, running);
  const isPast = (c: RecordedCampaign) => now.getTime() >= c.cutoff.getTime();

  const campaigns: CampaignRetention[] = [];
  for (const c of [...known.values()].sort((a, b) => a.deadlineAt.getTime() - b.deadlineAt.getTime())) {
    const erased = isPast(c) ? await eraseCampaign(c.id, isDryRun, batchSize) : 0;
    campaigns.push({ id: c.id, cutoff: c.cutoff.toISOString(), isPastCutoff: isPast(c), erased });
  }
  const pastIds = campaigns.filter((c) => c.isPastCutoff).map((c) => c.id);

  const unverifiedBefore = new Date(now.getTime() - UNVERIFIED_PLEDGE_DAYS * DAY_MS);
  const erasedUnverified = await eraseUnverified(
    { verifiedAt: null, createdAt: { lt: unverifiedBefore }, campaignId: { notIn: pastIds } },
    isDryRun,
    batchSize,
  );
  const erasedWithoutPledge = await eraseAccounts(
    {
      pledges: { none: {} },
      submissions: { none: {} },
      reminderDeliveries: { none: {} },
      createdAt: { lt: unverifiedBefore },
    },
    isDryRun,
    batchSize,
  );

  // Mail is not kept per campaign: what was finished before the latest passed cutoff
  // belongs to a campaign whose data is gone (mail to its people went with them).
  const latestPastCutoff = Math.max(
    ...[...known.values()].filter(isPast).map((c) => c.cutoff.getTime()),
    Number.NEGATIVE_INFINITY,
  );
  const oldMail: Prisma.OutboxEmailWhereInput | null = Number.isFinite(latestPastCutoff)
    ? { status: { in: [...FINISHED] }, createdAt: { lt: new Date(latestPastCutoff) } }
    : null;
  const expiredTokens = { expires: { lt: now } };
  const sentWithBody: Prisma.OutboxEmailWhereInput = {
    status: { in: [...FINISHED] },
    OR: [
      { html: { not: null } },
      { text: { not: null } },
      { NOT: { headers: { equals: Prisma.DbNull } } },
      { NOT: { templateData: { equals: Prisma.DbNull } } },
    ],
  };
  const expiredLimits = { expire: { lt: BigInt(now.getTime()) } };

  const counts = isDryRun
    ? await Promise.all([
        db.verificationToken.count({ where: expiredTokens }),
        oldMail ? db.outboxEmail.count({ where: oldMail }) : Promise.resolve(0),
        db.rateLimit.count({ where: expiredLimits }),
        db.outboxEmail.count({ where: sentWithBody }),
      ])
    : await db.$transaction(async (tx) => {
        const tokens = await tx.verificationToken.deleteMany({ where: expiredTokens });
        const outbox = oldMail ? await tx.outboxEmail.deleteMany({ where: oldMail }) : { count: 0 };
        const limits = await tx.rateLimit.deleteMany({ where: expiredLimits });
        const bodies = await tx.outboxEmail.updateMany({
          where: sentWithBody,
          data: { html: null, text: null, headers: Prisma.DbNull, templateData: Prisma.DbNull },
        });
        return [tokens.count, outbox.count, limits.count, bodies.count] as const;
      });
  const [tokens, outbox, limits, bodies] = counts;
  return {
    now: now.toISOString(),
    cutoff: running.cutoff.toISOString(),
    isPastCutoff: isPast(running),
    isDryRun,
    campaigns,
    unrecordedCampaignIds: await unrecordedIds(new Set(known.keys())),
    erasedAfterCampaign: campaigns.reduce((sum, c) => sum + c.erased, 0),
    erasedUnverified,
    erasedWithoutPledge,
    expiredVerificationTokens: tokens,
    clearedOutboxBodies: bodies,
    deletedOutboxEmails: outbox,
    expiredRateLimits: limits,
  };
}
