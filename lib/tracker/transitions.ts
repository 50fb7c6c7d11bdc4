import type { StatDelta } from "@/lib/stats/counters";
import { statKey } from "@/lib/stats/keys";
import { isFiled, type Status } from "./progress";

// The status machine of one account. Every change can be undone one step at a time:
//   NOT_STARTED -> SUBMITTED (day) -> CONFIRMED (day, not before the submission)
//   NOT_STARTED -> NOT_APPLICABLE ("I don't use this")
//   NOT_STARTED -> SKIPPED ("couldn't find the form, skip for now") -> SUBMITTED (day)
//   undo: CONFIRMED -> SUBMITTED -> NOT_STARTED, NOT_APPLICABLE -> NOT_STARTED,
//   SKIPPED -> NOT_STARTED
// SUBMITTED -> SUBMITTED and CONFIRMED -> CONFIRMED correct the day.

export type TransitionError =
  | "confirm_needs_submitted"
  | "transition_invalid"
  | "day_required"
  | "confirmed_before_submitted";

const ALLOWED: Record<Status, readonly Status[]> = {
  NOT_STARTED: ["SUBMITTED", "NOT_APPLICABLE", "SKIPPED"],
  SUBMITTED: ["SUBMITTED", "CONFIRMED", "NOT_STARTED"],
  CONFIRMED: ["CONFIRMED", "SUBMITTED"],
  NOT_APPLICABLE: ["NOT_STARTED"],
  SKIPPED: ["NOT_STARTED", "SUBMITTED"],
};

export type StoredDates = { submittedAt: Date | null; confirmedAt: Date | null };

/**
 * The dates the row gets when going from `from` to `to` with the day the person
 * entered (already checked against the calendar), or why the change makes no sense.
 */
export function planTransition(
  from: Status,
  to: Status,
  current: StoredDates,
  day: Date | undefined,
): { ok: true; dates: StoredDates } | { ok: false; error: TransitionError } {
  if (!ALLOWED[from].includes(to)) {
    return { ok: false, error: to === "CONFIRMED" ? "confirm_needs_submitted" : "transition_invalid" };
  }
  switch (to) {
    case "NOT_STARTED":
    case "NOT_APPLICABLE":
    case "SKIPPED":
      return { ok: true, dates: { submittedAt: null, confirmedAt: null } };
    case "SUBMITTED":
      // Undoing a confirmation keeps the submission's day.
      if (from === "CONFIRMED")
        return { ok: true, dates: { submittedAt: current.submittedAt, confirmedAt: null } };
      if (!day) return { ok: false, error: "day_required" };
      return { ok: true, dates: { submittedAt: day, confirmedAt: null } };
    case "CONFIRMED": {
      if (!day) return { ok: false, error: "day_required" };
      const submittedAt = current.submittedAt;
      if (!submittedAt) return { ok: false, error: "confirm_needs_submitted" };
      if (day.getTime() < submittedAt.getTime()) return { ok: false, error: "confirmed_before_submitted" };
      return { ok: true, dates: { submittedAt, confirmedAt: day } };
    }
  }
}

/** How the public counters move when one account of `platform` goes from `from` to `to`. */
export function statDeltaForStatus(platform: string, from: Status, to: Status): StatDelta {
  return {
    [statKey.submitted(platform)]: Number(isFiled(to)) - Number(isFiled(from)),
    [statKey.confirmed(platform)]: Number(to === "CONFIRMED") - Number(from === "CONFIRMED"),
  };
}

/** Adds `more` into `delta`, key by key. */
export function addDelta(delta: StatDelta, more: StatDelta): StatDelta {
  for (const [key, change] of Object.entries(more)) delta[key] = (delta[key] ?? 0) + change;
  return delta;
}
