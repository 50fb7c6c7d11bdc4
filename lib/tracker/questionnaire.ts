import "server-only";
import { db } from "@/lib/db";
import { applyStatDelta, type StatDelta } from "@/lib/stats/counters";
import type { TrackerContext } from "./context";
import { planAccounts } from "./coverage";
import { lockOwnPledge } from "./pledge-lock";
import type { Progress } from "./progress";
import { fail, type TrackerResult } from "./result";
import type { QuestionnaireInput } from "./schema";
import { settleFinished } from "./settle-finished";
import { addDelta, statDeltaForStatus } from "./transitions";

const keyOf = (platform: string, accountIndex: number) => `${platform}:${accountIndex}`;

/**
 * Saves the person's answers and reshapes their checklist to match, in one
 * transaction: accounts they no longer list are removed (taking back what they
 * counted), new ones start as "not started", emails are updated, and linked accounts
 * are marked covered. An account that already has its own objection on record, or
 * whose partner is "I don't use this", keeps needing its own.
 */
export async function saveQuestionnaire(
  userId: string,
  input: Pick<QuestionnaireInput, "accounts" | "accountsLinked">,
  context: TrackerContext,
): Promise<TrackerResult<{ progress: Progress }>> {
  const { campaign, now } = context;
  const campaignId = campaign.id;
  const plan = planAccounts(campaign.platforms, input);

  return db.$transaction(async (tx) => {
    const pledge = await lockOwnPledge(tx, userId, campaignId);
    if (!pledge) return fail("no_pledge");

    const existing = await tx.submission.findMany({
      where: { userId, campaignId },
      select: { id: true, platform: true, accountIndex: true, status: true },
    });
    const planned = new Set(plan.map((a) => keyOf(a.platform, a.accountIndex)));
    const removed = existing.filter((row) => !planned.has(keyOf(row.platform, row.accountIndex)));
    const delta: StatDelta = {};
    for (const row of removed) addDelta(delta, statDeltaForStatus(row.platform, row.status, "NOT_STARTED"));
    if (removed.length > 0) {
      await tx.submission.deleteMany({
        where: { userId, campaignId, id: { in: removed.map((row) => row.id) } },
      });
    }

    const rows = new Map<string, { id: string; status: string }>();
    for (const account of plan) {
      const row = await tx.submission.upsert({
        where: {
          userId_campaignId_platform_accountIndex: {
            userId,
            campaignId,
            platform: account.platform,
            accountIndex: account.accountIndex,
          },
        },
        create: {
          userId,
          campaignId,
          platform: account.platform,
          accountIndex: account.accountIndex,
          accountIdentifier: account.accountIdentifier,
        },
        update: { accountIdentifier: account.accountIdentifier },
        select: { id: true, status: true },
      });
      rows.set(keyOf(account.platform, account.accountIndex), row);
    }
    for (const account of plan) {
      const row = rows.get(keyOf(account.platform, account.accountIndex));
      if (!row) continue;
      const coverer = account.coveredBy
        ? rows.get(keyOf(account.coveredBy.platform, account.coveredBy.accountIndex))
        : undefined;
      const isCovered =
        coverer !== undefined && row.status === "NOT_STARTED" && coverer.status !== "NOT_APPLICABLE";
      await tx.submission.update({
        where: { id: row.id },
        data: { coveredById: isCovered ? coverer.id : null },
        select: { id: true },
      });
    }

    await tx.pledge.update({
      where: { id: pledge.id },
      data: {
        accountsLinked: input.accountsLinked,
        questionnaireAt: now,
        platforms: input.accounts.map((a) => a.platform),
      },
      select: { id: true },
    });
    await applyStatDelta(tx, campaignId, delta);
    const progress = await settleFinished(tx, userId, pledge, context);
    return { ok: true, data: { progress } };
  });
}

/**
 * A first checklist from the pledge's own answers: one account per platform the
 * person ticked when pledging, so the first guide shows at once instead of a second
 * questionnaire. Does nothing once the questionnaire has been saved (by this or by
 * the person), so it is safe to call on every visit. True when it built one.
 */
export async function startChecklist(userId: string, context: TrackerContext): Promise<boolean> {
  const { campaign } = context;
  const pledge = await db.pledge.findFirst({
    where: { userId, campaignId: campaign.id, questionnaireAt: null },
    select: { platforms: true },
  });
  const chosen = campaign.platforms.map((p) => p.id).filter((id) => pledge?.platforms.includes(id));
  if (chosen.length === 0) return false;
  const saved = await saveQuestionnaire(
    userId,
    { accounts: chosen.map((platform) => ({ platform, emails: [null] })), accountsLinked: null },
    context,
  );
  return saved.ok;
}
