import type { Campaign } from "./schema";

// Every deadline decision takes "now" as a parameter, so tests can move the clock.

export type DeadlineState =
  | { phase: "before"; deadline: Date; msLeft: number; daysLeft: number }
  | { phase: "after"; deadline: Date; msSince: number };

const DAY_MS = 24 * 60 * 60 * 1000;

export function deadlineOf(campaign: Campaign): Date {
  return new Date(campaign.deadline.at);
}

export function deadlineState(campaign: Campaign, now: Date): DeadlineState {
  const deadline = deadlineOf(campaign);
  const diff = deadline.getTime() - now.getTime();
  if (diff > 0) return { phase: "before", deadline, msLeft: diff, daysLeft: Math.ceil(diff / DAY_MS) };
  return { phase: "after", deadline, msSince: -diff };
}

/** Splits a duration into whole days, hours, minutes and seconds for a countdown. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** The calendar day (YYYY-MM-DD) of an instant in the campaign's time zone. */
export function campaignDay(campaign: Campaign, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: campaign.deadline.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** When personal data must be erased: `retentionDays` after the deadline. */
export function retentionCutoff(campaign: Campaign): Date {
  return new Date(deadlineOf(campaign).getTime() + campaign.retentionDays * DAY_MS);
}
