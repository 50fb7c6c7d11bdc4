import "server-only";
import { type Campaign, retentionCutoff } from "@/lib/campaign";
import { db, Prisma } from "@/lib/db";
import { UNVERIFIED_PLEDGE_DAYS } from "./data-model";
import { eraseUser } from "./erase";

const DAY_MS = 24 * 60 * 60 * 1000;
const FINISHED = ["SENT", "FAILED", "SKIPPED"] as const;

export type RetentionReport = {
  now: string;
  cutoff: string;
  isPastCutoff: boolean;
  isDryRun: boolean;
  /** People erased because the campaign's retention period is over. */
  erasedAfterCampaign: number;
  /** People whose pledge was never confirmed within UNVERIFIED_PLEDGE_DAYS. */
  erasedUnverified: number;
  expiredVerificationTokens: number;
  clearedOutboxBodies: number;
  deletedOutboxEmails: number;
  expiredRateLimits: number;
};

export type RetentionOptions = { campaign: Campaign; now: Date; isDryRun?: boolean; batchSize?: number };

/** Ids of people to erase: with `where` on their pledge, or (after the campaign) without any pledge. */
async function userIdsToErase(where: Prisma.UserWhereInput, take: number): Promise<string[]> {
  const rows = await db.user.findMany({ where, select: { id: true }, orderBy: { id: "asc" }, take });
  return rows.map((row) => row.id);
}

/** Erases everyone matching `where`, one transaction per person; counts in a dry run. */
async function eraseAll(where: Prisma.UserWhereInput, isDryRun: boolean, batchSize: number): Promise<number> {
  if (isDryRun) return db.user.count({ where });
  let erased = 0;
  for (;;) {
    const ids = await userIdsToErase(where, batchSize);
    if (ids.length === 0) return erased;
    for (const id of ids) if (await eraseUser(id)) erased += 1;
  }
}

/**
 * The retention job (scripts/retention.ts and /api/cron/retention), safe to run at any
 * time and repeatedly:
 * - once `retentionCutoff(campaign)` (deadline + retentionDays) has passed, erases every
 *   person of the campaign (and anyone without a pledge) exactly as "delete my account"
 *   does, and removes all mail addressed to anyone;
 * - erases people whose pledge was not confirmed within UNVERIFIED_PLEDGE_DAYS;
 * - deletes expired magic-link tokens (Auth.js deletes used ones when they are used),
 *   clears the bodies of mail already sent (or given up), deletes expired rate limits.
 */
export async function runRetention(options: RetentionOptions): Promise<RetentionReport> {
  const { campaign, now } = options;
  const isDryRun = options.isDryRun ?? false;
  const batchSize = options.batchSize ?? 200;
  const cutoff = retentionCutoff(campaign);
  const isPastCutoff = now.getTime() >= cutoff.getTime();

  const erasedAfterCampaign = isPastCutoff
    ? await eraseAll(
        { OR: [{ pledge: { campaignId: campaign.id } }, { pledge: null, createdAt: { lt: now } }] },
        isDryRun,
        batchSize,
      )
    : 0;
  const unverifiedBefore = new Date(now.getTime() - UNVERIFIED_PLEDGE_DAYS * DAY_MS);
  const erasedUnverified = await eraseAll(
    { pledge: { verifiedAt: null, createdAt: { lt: unverifiedBefore } } },
    isDryRun,
    batchSize,
  );

  const expiredTokens = { expires: { lt: now } };
  const sentWithBody: Prisma.OutboxEmailWhereInput = {
    status: { in: [...FINISHED] },
    OR: [{ html: { not: null } }, { text: { not: null } }, { NOT: { headers: { equals: Prisma.DbNull } } }],
  };
  const expiredLimits = { expire: { lt: BigInt(now.getTime()) } };

  const counts = isDryRun
    ? await Promise.all([
        db.verificationToken.count({ where: expiredTokens }),
        isPastCutoff ? db.outboxEmail.count() : Promise.resolve(0),
        db.rateLimit.count({ where: expiredLimits }),
        db.outboxEmail.count({ where: sentWithBody }),
      ])
    : await db.$transaction(async (tx) => {
        const tokens = await tx.verificationToken.deleteMany({ where: expiredTokens });
        const outbox = isPastCutoff ? await tx.outboxEmail.deleteMany({}) : { count: 0 };
        const limits = await tx.rateLimit.deleteMany({ where: expiredLimits });
        const bodies = await tx.outboxEmail.updateMany({
          where: sentWithBody,
          data: { html: null, text: null, headers: Prisma.DbNull },
        });
        return [tokens.count, outbox.count, limits.count, bodies.count] as const;
      });
  const [tokens, outbox, limits, bodies] = counts;
  return {
    now: now.toISOString(),
    cutoff: cutoff.toISOString(),
    isPastCutoff,
    isDryRun,
    erasedAfterCampaign,
    erasedUnverified,
    expiredVerificationTokens: tokens,
    clearedOutboxBodies: bodies,
    // After the campaign all mail goes; before it, mail stays until its person is erased.
    deletedOutboxEmails: outbox,
    expiredRateLimits: limits,
  };
}
