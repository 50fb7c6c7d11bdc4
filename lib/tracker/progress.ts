import type { DeadlineState } from "@/lib/campaign";

// What the person still has to do, computed from their rows. Pure: the same function
// decides `finished` when writing and draws the progress bar when reading.

export const STATUSES = ["NOT_STARTED", "SUBMITTED", "CONFIRMED", "NOT_APPLICABLE", "SKIPPED"] as const;
export type Status = (typeof STATUSES)[number];

export type AccountState = { status: Status; coveredById: string | null };

export type Progress = {
  /** Objections the person has to file: accounts neither covered nor "I don't use this". */
  needed: number;
  /** Needed objections submitted or confirmed. */
  done: number;
  /** Needed objections the platform confirmed. */
  confirmed: number;
  /** Every needed objection is done (and there is at least one). */
  finished: boolean;
};

/**
 * An account needs its own objection unless a linked account's covers it or it is not
 * used. SKIPPED ("couldn't find the form") still needs one: it is left, not done.
 */
export function isNeeded(account: AccountState): boolean {
  return account.coveredById === null && account.status !== "NOT_APPLICABLE";
}

export function isFiled(status: Status): boolean {
  return status === "SUBMITTED" || status === "CONFIRMED";
}

/**
 * A person who needs no objection at all (everything "I don't use this") is not
 * finished: "finished" counts people who filed every objection they need, and they filed none.
 */
export function computeProgress(accounts: readonly AccountState[]): Progress {
  const needed = accounts.filter(isNeeded);
  const done = needed.filter((a) => isFiled(a.status)).length;
  const confirmed = needed.filter((a) => a.status === "CONFIRMED").length;
  return { needed: needed.length, done, confirmed, finished: needed.length > 0 && done === needed.length };
}

export type Guidance =
  | { key: "questionnaire" }
  | { key: "nothingNeeded" }
  | { key: "finished" }
  | { key: "before"; left: number; days: number }
  | { key: "after"; left: number };

/**
 * The one sentence at the top of the tracker. Before the deadline it counts down;
 * after it, objecting still protects what the person publishes from then on. `deadline`
 * comes from deadlineState(campaign, now), so moving the clock switches it.
 */
export function trackerGuidance(
  progress: Progress,
  deadline: DeadlineState,
  isQuestionnaireDone: boolean,
): Guidance {
  if (!isQuestionnaireDone) return { key: "questionnaire" };
  if (progress.finished) return { key: "finished" };
  if (progress.needed === 0) return { key: "nothingNeeded" };
  const left = progress.needed - progress.done;
  return deadline.phase === "before"
    ? { key: "before", left, days: deadline.daysLeft }
    : { key: "after", left };
}
