import type { DayError } from "./dates";
import type { TransitionError } from "./transitions";

// What the tracker's writes answer. Same shape as the server actions' ActionResult, so
// an action can return it as is; `error` and field errors are keys of "tracker.errors".

export type TrackerError =
  | DayError
  | TransitionError
  | "no_pledge"
  | "not_found"
  | "covered"
  | "covers_others"
  | "platform_invalid";

export type TrackerResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: TrackerError; fieldErrors?: Record<string, string> };

export function fail(
  error: TrackerError,
  field?: string,
): { ok: false; error: TrackerError; fieldErrors?: Record<string, string> } {
  return field ? { ok: false, error, fieldErrors: { [field]: error } } : { ok: false, error };
}
