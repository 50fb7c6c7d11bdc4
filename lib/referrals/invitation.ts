import "server-only";
import { cache } from "react";
import { type Campaign, campaign as currentCampaign } from "@/lib/campaign";
import { isBuildPhase } from "@/lib/http/page-cache";
import { logger } from "@/lib/log";
import { getPublicStats } from "@/lib/stats";
import { getReferralPreview, type ReferralPreview } from "./preview";
import { recordReferralVisit } from "./visits";

// A personal link has two halves. /r/CODE (app/r/[code]/route.ts) is the visitor's
// own request: it counts the visit and leaves the cookie, then sends them on to the
// invitation page /<locale>/r/CODE, which is the same for everyone who opens that
// link (prerendered and cached like the other public pages, so nothing about the
// visitor may be in it).

/**
 * Someone opened /r/CODE: the visit is counted (an aggregate per day, ./visits.ts) and
 * the link's owner returned; null, and nothing counted, for an unknown or malformed code.
 */
export async function openReferralLink(code: string, now: Date): Promise<ReferralPreview | null> {
  const preview = await getReferralPreview(code);
  if (!preview || !(await recordReferralVisit(preview.code, now))) return null;
  return preview;
}

/** What an invitation page shows: whose link (a first name only if they opted in) and the pledges so far. */
export type Invitation = {
  preview: ReferralPreview;
  /** Confirmed pledges, from the public figures (at most as old as theirs); null when unavailable. */
  pledged: number | null;
};

/** One read per render for the page and its metadata (React's request cache). */
export const getInvitation = cache(
  async (code: string, campaign: Campaign = currentCampaign()): Promise<Invitation | null> => {
    const preview = await getReferralPreview(code);
    if (!preview) return null;
    return { preview, pledged: await pledgedCount(campaign) };
  },
);

async function pledgedCount(campaign: Campaign): Promise<number | null> {
  // Not while `next build` prerenders (lib/http/page-cache.ts): no database then.
  if (isBuildPhase()) return null;
  try {
    return (await getPublicStats(campaign)).totals.verifiedPledges;
  } catch (error) {
    // The invitation and its form still work; only the figure is left out.
    logger.warn({ err: error }, "invitation: pledge count unavailable");
    return null;
  }
}
