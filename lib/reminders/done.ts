import "server-only";
import type { Campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { markPlatformFiled } from "@/lib/tracker/mark-platform-filed";
import { remindersLog } from "./log";
import { objectionsToDo } from "./todo";
import { type TokenError, verifyToken } from "./tokens";

// "I've filed it" from a reminder, without signing in: the signed token names the
// person and the platform; the tracker's markPlatformFiled does the write.

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
  const marked = await markPlatformFiled(userId, platform, { campaign, now });
  if (!marked.ok) return marked;
  remindersLog.info({ userId, platform, changed: marked.changed }, "done recorded from a reminder");
  return { ok: true, data: { platform, platformName: checked.platform.name, changed: marked.changed } };
}
