import "server-only";
import type { Campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { reminderSlots } from "@/lib/reminders/schedule";

// The campaign as the app understands it, and the risky states an organiser should
// hear about before the people who pledged do.

const HOUR_MS = 3_600_000;
export const STUCK_AFTER_MS = 15 * 60_000;
export const RETENTION_STALE_MS = 2 * 24 * HOUR_MS;

export type HealthWarning =
  | { code: "deadline_passed_reminders_scheduled"; count: number }
  | { code: "no_resend_key" }
  | { code: "no_webhook_secret" }
  | { code: "no_cron_secret" }
  | { code: "outbox_stuck"; count: number }
  | { code: "outbox_failed"; count: number }
  | { code: "retention_stale"; lastRunAt: Date | null };

export type CampaignHealth = {
  config: {
    id: string;
    deadline: Date;
    timeZone: string;
    platforms: { id: string; name: string; formUrl: string }[];
    cadence: { key: string; point: Date }[];
    retentionDays: number;
  };
  lastRetentionAt: Date | null;
  warnings: HealthWarning[];
};

export async function getCampaignHealth(campaign: Campaign, now: Date): Promise<CampaignHealth> {
  const deadline = new Date(campaign.deadline.at);
  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MS);
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const [scheduled, stuck, failed, retention] = await Promise.all([
    // Reminders before the deadline still queued once it has passed ("after" is meant to be).
    db.reminderDelivery.count({
      where: {
        campaignId: campaign.id,
        status: { in: ["PENDING", "SENDING"] },
        reminderKey: { not: "after" },
      },
    }),
    db.outboxEmail.count({
      where: { status: { in: ["PENDING", "SENDING"] }, nextAttemptAt: { lt: stuckBefore } },
    }),
    db.outboxEmail.count({ where: { status: "FAILED", createdAt: { gte: hourAgo } } }),
    db.jobRun.findFirst({
      where: { job: "retention", status: "done" },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    }),
  ]);
  const e = env();
  const lastRetentionAt = retention?.finishedAt ?? null;
  const warnings: HealthWarning[] = [];
  if (deadline.getTime() <= now.getTime() && scheduled > 0) {
    warnings.push({ code: "deadline_passed_reminders_scheduled", count: scheduled });
  }
  if (e.NODE_ENV === "production" && !e.RESEND_API_KEY) warnings.push({ code: "no_resend_key" });
  if (!e.RESEND_WEBHOOK_SECRET) warnings.push({ code: "no_webhook_secret" });
  if (!e.CRON_SECRET) warnings.push({ code: "no_cron_secret" });
  if (stuck > 0) warnings.push({ code: "outbox_stuck", count: stuck });
  if (failed > 0) warnings.push({ code: "outbox_failed", count: failed });
  if (!lastRetentionAt || now.getTime() - lastRetentionAt.getTime() > RETENTION_STALE_MS) {
    warnings.push({ code: "retention_stale", lastRunAt: lastRetentionAt });
  }
  return {
    config: {
      id: campaign.id,
      deadline,
      timeZone: campaign.deadline.timeZone,
      platforms: campaign.platforms.map((p) => ({ id: p.id, name: p.name, formUrl: p.formUrl })),
      cadence: reminderSlots(campaign).map((slot) => ({ key: slot.key, point: slot.point })),
      retentionDays: campaign.retentionDays,
    },
    lastRetentionAt,
    warnings,
  };
}
