import type { Campaign } from "@/lib/campaign/schema";

// Objection dates are calendar days: people remember "I sent it on 20 May", not an
// instant. A day is stored as 12:00 UTC of that day, always (also for "today"), so it
// reads as the same calendar day in every European time zone and two days compare
// like their instants. Display them with `timeZone: "UTC"`.

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real YYYY-MM-DD calendar day (no 31 April). */
export function isCalendarDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const instant = new Date(`${value}T12:00:00.000Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === value;
}

/** The stored instant of a calendar day: that day at 12:00 UTC. */
export function dayToInstant(day: string): Date {
  return new Date(`${day}T12:00:00.000Z`);
}

/** The calendar day a stored instant stands for. */
export function instantToDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * The latest day a person may say they acted on: the day that has begun somewhere on
 * Earth (UTC+14). We do not know the person's time zone, and someone in Helsinki just
 * after midnight must be able to pick their "today".
 */
export function latestAllowedDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Etc/GMT-14",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/**
 * The earliest day a person may say they acted on: the campaign's objectionsOpenFrom
 * (no objection to its training was possible before), or undefined when it sets none.
 */
export function earliestObjectionDay(campaign: Pick<Campaign, "objectionsOpenFrom">): string | undefined {
  return campaign.objectionsOpenFrom;
}

export type DayError = "day_invalid" | "day_too_early" | "day_in_future";

/** Why `day` cannot be an objection date for `campaign` at `now`, or null when it can. */
export function objectionDayError(
  day: string,
  { campaign, now }: { campaign: Pick<Campaign, "objectionsOpenFrom">; now: Date },
): DayError | null {
  if (!isCalendarDay(day)) return "day_invalid";
  const earliest = earliestObjectionDay(campaign);
  if (earliest !== undefined && day < earliest) return "day_too_early";
  if (day > latestAllowedDay(now)) return "day_in_future";
  return null;
}
