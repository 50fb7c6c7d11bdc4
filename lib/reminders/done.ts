import "server-only";
import type { Campaign } from "@/lib/campaign";
import { campaignDay } from "@/lib/campaign/deadline";
import { db } from "@/lib/db";
import { applyStatDelta, type StatDelta } from "@/lib/stats/counters";
import { dayToInstant } from "@/lib/submissions/dates";
import { lockOwnPledge, settleFinished } from "@/lib/submissions/pledge-lock";
import { addDelta, statDeltaForStatus } from "@/lib/submissions/transitions";
import { remindersLog } from "./log";
import { objectionsToDo } from "./todo";
import { type TokenError, verifyToken } from "./tokens";

// "I've filed it" from a reminder, without signing in: the signed token names the
// person and the platform. Recording marks the person's accounts of that platform that
// still need an objection (not covered, NOT_STARTED) as SUBMITTED today, moves the
// public counters exactly as the tracker does (statDeltaForStatus, then settleFinished
// for "finished") and all of it in one transaction under the tracker's pledge lock.
// lib/submissions offers no bulk write for this, so it is built from its pieces.

export type DoneError = TokenError | "no_pledge" | "platform_invalid";
export type DoneResult<T> = { ok: true; data: T } | { ok: false; error: DoneError };

export type DoneTarget = { userId: string; platform: string; platformName: string; accounts: number };

function checkToken(token: string, campaign: Campaign, now: Date) {
  const verified = verifyToken(token, "done", now);
  if (!verified.ok) return verified;
  const { userId, platform, campaignId } = verified.claims;
  const known = campaign.platforms.find((p) => p.id === platform);
  if (campaignId !== campaign.id || !platform || !known)
    return { ok: false as const, error: "platform_invalid" as const };
  return { ok: true as const, userId, platform: known };
}

/** What a "done" link would record (for the confirmation page), writing nothing. */
export async function describeDone(
  token: string,
  campaign: Campaign,
  now: Date,
): Promise<DoneResult<DoneTarget>> {
  const checked = checkToken(token, campaign, now);
  if (!checked.ok) return checked;
  const pledge = await db.pledge.findFirst({
    where: { userId: checked.userId, campaignId: campaign.id },
    select: { platforms: true },
  });
  if (!pledge) return { ok: false, error: "no_pledge" };
  const rows = await db.submission.findMany({
    where: { userId: checked.userId, campaignId: campaign.id },
    select: { platform: true, status: true, coveredById: true },
  });
  const todo = objectionsToDo(campaign, pledge.platforms, rows).find(
    (t) => t.platform === checked.platform.id,
  );
  return {
    ok: true,
    data: {
      userId: checked.userId,
      platform: checked.platform.id,
      platformName: checked.platform.name,
      accounts: todo?.accounts ?? 0,
    },
  };
}

/** Records "I've filed it" for the token's person and platform; `changed` counts accounts marked. */
export async function recordDone(
  token: string,
  campaign: Campaign,
  now: Date,
): Promise<DoneResult<{ platform: string; platformName: string; changed: number }>> {
  const checked = checkToken(token, campaign, now);
  if (!checked.ok) return checked;
  const { userId } = checked;
  const platform = checked.platform.id;
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
    remindersLog.info({ userId, platform, changed }, "done recorded from a reminder");
    return { ok: true, data: { platform, platformName: checked.platform.name, changed } } as const;
  });
}
