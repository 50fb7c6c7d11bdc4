import "server-only";
import type { Campaign } from "@/lib/campaign";
import { campaignDay } from "@/lib/campaign";
import { db } from "@/lib/db";
import { getPublicStats } from "@/lib/stats";

// The console's overview: the public figures (lib/stats, whole campaign) with the
// private operational ones beside them (verification rate, reminders), for the whole
// campaign and the last 30 days. Counts only, never who.

export const RECENT_DAYS = 30;
const DAY_MS = 86_400_000;

export type PeriodFigures = {
  pledges: number;
  verified: number;
  /** verified / pledges; null without pledges. */
  verificationRate: number | null;
  referred: number;
  /** referred / verified; null without verified pledges. */
  referralShare: number | null;
  platforms: { id: string; name: string; submitted: number; confirmed: number }[];
  reminders: { sent: number; failed: number; suppressed: number };
};

export type Overview = {
  today: { day: string; pledges: number };
  campaign: PeriodFigures;
  recent: PeriodFigures;
  /** Verified pledges per day of the last 30 days (campaign time zone), oldest first. */
  perDay: { day: string; count: number }[];
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

type Counts = { pledges: number; verified: number; referred: number };
type PlatformCounts = { platform: string; submitted: number; confirmed: number };
type ReminderCounts = { sent: number; failed: number; suppressed: number };

async function countPledges(campaignId: string, since: Date | null): Promise<Counts> {
  const rows = await db.$queryRaw<Counts[]>`
    SELECT count(*)::int AS pledges,
      count(*) FILTER (WHERE verified_at IS NOT NULL)::int AS verified,
      count(*) FILTER (WHERE verified_at IS NOT NULL AND referred_by_id IS NOT NULL)::int AS referred
    FROM pledges
    WHERE campaign_id = ${campaignId} AND (${since}::timestamp IS NULL OR created_at >= ${since}::timestamp)`;
  return rows[0] ?? { pledges: 0, verified: 0, referred: 0 };
}

async function countObjections(campaignId: string, since: Date | null): Promise<PlatformCounts[]> {
  return db.$queryRaw<PlatformCounts[]>`
    SELECT platform,
      count(*) FILTER (WHERE status IN ('SUBMITTED', 'CONFIRMED')
        AND (${since}::timestamp IS NULL OR submitted_at >= ${since}::timestamp))::int AS submitted,
      count(*) FILTER (WHERE status = 'CONFIRMED'
        AND (${since}::timestamp IS NULL OR confirmed_at >= ${since}::timestamp))::int AS confirmed
    FROM submissions
    WHERE campaign_id = ${campaignId} AND covered_by_id IS NULL
    GROUP BY platform`;
}

async function countReminders(campaignId: string, since: Date | null): Promise<ReminderCounts> {
  const rows = await db.$queryRaw<ReminderCounts[]>`
    SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent,
      count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
      count(*) FILTER (WHERE status = 'SKIPPED' AND last_error = 'suppressed')::int AS suppressed
    FROM reminder_deliveries
    WHERE campaign_id = ${campaignId} AND (${since}::timestamp IS NULL OR updated_at >= ${since}::timestamp)`;
  return rows[0] ?? { sent: 0, failed: 0, suppressed: 0 };
}

async function periodFigures(campaign: Campaign, since: Date | null): Promise<PeriodFigures> {
  const [pledges, objections, reminders] = await Promise.all([
    countPledges(campaign.id, since),
    countObjections(campaign.id, since),
    countReminders(campaign.id, since),
  ]);
  const byPlatform = new Map(objections.map((row) => [row.platform, row]));
  return {
    ...pledges,
    verificationRate: share(pledges.verified, pledges.pledges),
    referralShare: share(pledges.referred, pledges.verified),
    platforms: campaign.platforms.map((platform) => ({
      id: platform.id,
      name: platform.name,
      submitted: byPlatform.get(platform.id)?.submitted ?? 0,
      confirmed: byPlatform.get(platform.id)?.confirmed ?? 0,
    })),
    reminders,
  };
}

/** The overview of `campaign` at `now`. */
export async function getOverview(campaign: Campaign, now: Date): Promise<Overview> {
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const [whole, recent, stats] = await Promise.all([
    periodFigures(campaign, null),
    periodFigures(campaign, since),
    getPublicStats(campaign),
  ]);
  const counted = new Map(stats.perDay.map((d) => [d.day, d.count]));
  const perDay: Overview["perDay"] = [];
  for (let i = RECENT_DAYS - 1; i >= 0; i--) {
    const day = campaignDay(campaign, new Date(now.getTime() - i * DAY_MS));
    if (!perDay.some((d) => d.day === day)) perDay.push({ day, count: counted.get(day) ?? 0 });
  }
  const today = campaignDay(campaign, now);
  return { today: { day: today, pledges: counted.get(today) ?? 0 }, campaign: whole, recent, perDay };
}
