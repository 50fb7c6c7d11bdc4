import type { Campaign } from "@/lib/campaign";
import { deadlineOf } from "@/lib/campaign/deadline";
import type { ConsentWording } from "./consent-wording";

// When each reminder of the campaign is due. Pure: every decision takes `now`.
//
// A reminder "dN" has a point in time: N days before the last day one can still act,
// at 09:00 when the deadline is at midnight (SEND_LEAD_MS before the deadline), so
// "d0" ("on the day") lands on the morning of the last day, not at the deadline
// itself. A reminder is sent only inside its window: from its point until 24 hours
// later, the next reminder's point or the deadline, whichever comes first. So a run
// that starts late never sends a stale reminder, and someone who pledged after "d7"
// was due gets "d3" when it comes, not "d7" late (see isEligibleAt: people count for
// a reminder only if they were verified and had consented by its point).
// "after" is the one "you can still object" email: from a day after the deadline,
// for a week.

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
export const SEND_LEAD_MS = 15 * HOUR_MS;
export const WINDOW_MS = DAY_MS;
export const AFTER_DELAY_MS = DAY_MS;
export const AFTER_WINDOW_MS = 7 * DAY_MS;
/** Links in a reminder (I've done it, unsubscribe) work this long after its point. */
export const LINK_LIFETIME_MS = 45 * DAY_MS;

export type ReminderKey = `d${number}` | "after";

export type ReminderSlot = {
  key: ReminderKey;
  /** Days left before the deadline (0 on the last day); null for "after". */
  daysBefore: number | null;
  point: Date;
  closesAt: Date;
};

const KEY_PATTERN = /^(d(\d{1,2})|after)$/;

export function isReminderKey(value: string): value is ReminderKey {
  return KEY_PATTERN.test(value);
}

/** Every reminder of the campaign's cadence, earliest first. */
export function reminderSlots(campaign: Campaign): ReminderSlot[] {
  const deadline = deadlineOf(campaign).getTime();
  const days = [...campaign.reminders.daysBefore].sort((a, b) => b - a);
  const points = days.map((n) => deadline - SEND_LEAD_MS - n * DAY_MS);
  const slots: ReminderSlot[] = days.map((n, i) => {
    const point = points[i] ?? deadline;
    const next = points[i + 1] ?? deadline;
    return {
      key: `d${n}`,
      daysBefore: n,
      point: new Date(point),
      closesAt: new Date(Math.min(point + WINDOW_MS, next, deadline)),
    };
  });
  if (campaign.reminders.afterDeadline) {
    const point = deadline + AFTER_DELAY_MS;
    slots.push({
      key: "after",
      daysBefore: null,
      point: new Date(point),
      closesAt: new Date(point + AFTER_WINDOW_MS),
    });
  }
  return slots;
}

/**
 * What a reminders consent given at `now` is for: "before" while a reminder before the
 * deadline is still to come, "after" when only the "you can still object" email is,
 * null when no reminder is left for anyone consenting now (people count for a
 * reminder only if they consented by its point). Then no form asks for consent.
 */
export function consentWordingFor(campaign: Campaign, now: Date): ConsentWording | null {
  const next = reminderSlots(campaign).find((slot) => slot.point.getTime() > now.getTime());
  if (!next) return null;
  return next.key === "after" ? "after" : "before";
}

/** The slot of `key` in the campaign's cadence, or null if the cadence has no such reminder. */
export function slotOf(campaign: Campaign, key: string): ReminderSlot | null {
  return reminderSlots(campaign).find((slot) => slot.key === key) ?? null;
}

/** The reminder whose window holds `now`, or null when none is due. */
export function dueReminder(campaign: Campaign, now: Date): ReminderSlot | null {
  const t = now.getTime();
  const open = reminderSlots(campaign).filter((slot) => slot.point.getTime() <= t);
  const latest = open.at(-1);
  return latest && t < latest.closesAt.getTime() ? latest : null;
}

/** Whether a slot may still be sent at `now` (a queued row of a closed window is skipped). */
export function isOpen(slot: ReminderSlot, now: Date): boolean {
  return now.getTime() >= slot.point.getTime() && now.getTime() < slot.closesAt.getTime();
}

/** When the links of a reminder stop working: fixed per reminder, so a retried batch renders the same. */
export function linkExpiry(slot: ReminderSlot): Date {
  return new Date(slot.point.getTime() + LINK_LIFETIME_MS);
}
