import "server-only";
import { campaignDay } from "@/lib/campaign/deadline";
import { db } from "@/lib/db";
import { applyStatDelta, type StatDelta } from "@/lib/stats/counters";
import type { TrackerContext } from "./context";
import { dayToInstant } from "./dates";
import { lockOwnPledge } from "./pledge-lock";
import { settleFinished } from "./settle-finished";
import { addDelta, statDeltaForStatus } from "./transitions";

export type MarkPlatformFiledResult = { ok: true; changed: number } | { ok: false; error: "no_pledge" };

/**
 * "I've filed it" for every account of one platform at once (a reminder's button):
 * the person's accounts of `platform` that still need an objection (not covered,
 * NOT_STARTED) become SUBMITTED today, with the public counters moved as a single
 * status change would move them, all in one transaction under the pledge lock.
 * `changed` counts the accounts marked.
 */
export async function markPlatformFiled(
  userId: string,
  platform: string,
  { campaign, now }: TrackerContext,
): Promise<MarkPlatformFiledResult> {
  const day = dayToInstant(campaignDay(campaign, now));
  return db.$transaction(async (tx) => {
    const locked = await lockOwnPledge(tx, userId, campaign.id);
    if (!locked) return { ok: false, error: "no_pledge" } as const;
    const pledge = await tx.pledge.findUniqueOrThrow({
      where: { id: locked.id },
      select: { platforms: true, questionnaireAt: true },
    });
    const rows = await tx.submission.findMany({
      where: { userId, campaignId: campaign.id },
      select: { id: true, platform: true, status: true, coveredById: true },
    });
    const delta: StatDelta = {};
    let changed = 0;
    const own = rows.filter((row) => row.platform === platform);
    if (own.length === 0) {
      if (pledge.questionnaireAt === null && pledge.platforms.includes(platform)) {
        // No checklist yet: one account per pledged platform, so that "finished" still
        // waits for the other platforms (the questionnaire later keeps these rows).
        const known = new Set(campaign.platforms.map((p) => p.id));
        const others = pledge.platforms.filter(
          (id) => id !== platform && known.has(id) && !rows.some((row) => row.platform === id),
        );
        await tx.submission.createMany({
          data: [
            {
              userId,
              campaignId: campaign.id,
              platform,
              accountIndex: 1,
              status: "SUBMITTED",
              submittedAt: day,
            },
            ...others.map((id) => ({ userId, campaignId: campaign.id, platform: id, accountIndex: 1 })),
          ],
          skipDuplicates: true,
        });
        addDelta(delta, statDeltaForStatus(platform, "NOT_STARTED", "SUBMITTED"));
        changed = 1;
      }
    } else {
      const targets = own.filter((row) => row.coveredById === null && row.status === "NOT_STARTED");
      if (targets.length > 0) {
        await tx.submission.updateMany({
          where: {
            userId,
            campaignId: campaign.id,
            id: { in: targets.map((row) => row.id) },
            status: "NOT_STARTED",
          },
          data: { status: "SUBMITTED", submittedAt: day, confirmedAt: null },
        });
        for (const _ of targets) addDelta(delta, statDeltaForStatus(platform, "NOT_STARTED", "SUBMITTED"));
        changed = targets.length;
      }
    }
    await applyStatDelta(tx, campaign.id, delta);
    await settleFinished(tx, userId, locked, { campaign, now });
    return { ok: true, changed } as const;
  });
}
