import { after } from "next/server";
import { env } from "@/lib/env";
import { mailLog } from "./log";
import { type DrainOptions, type DrainResult, drainOutbox } from "./outbox";

// Sends queued mail soon after a request queued it, without making the request wait.
//
// Inside a request (server action, route handler) the drain runs in Next's after():
// once the response is sent, and on serverless hosts (Vercel) before the function
// may freeze, which timers do not survive. Outside a request (scripts, the server
// starting) a short debounce gathers a burst into one batch. A long-running server
// also keeps a periodic tick for retries that come due later; on serverless hosts
// that job is the cron route's (/api/cron/reminders drains the outbox first).
// One drain at a time per process (several processes are fine: claims skip each
// other's rows); a drain asked for while one runs is queued once and sees every row
// added meanwhile. State lives on globalThis so dev hot reloads start no second timer.

const DEBOUNCE_MS = 150;
const PERIOD_MS = 2000;

type KickerState = {
  debounce?: ReturnType<typeof setTimeout>;
  periodic?: ReturnType<typeof setInterval>;
  /** A drain is waiting for the running one to finish: it will see any new rows. */
  queued: boolean;
  /** The end of the chain of drains of this process. */
  tail: Promise<unknown>;
};

const globalForKicker = globalThis as unknown as { mailKicker?: KickerState };
globalForKicker.mailKicker ??= { queued: false, tail: Promise.resolve() };
const state: KickerState = globalForKicker.mailKicker;

function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const run = state.tail.then(task, task);
  state.tail = run.catch(() => undefined);
  return run;
}

/** Drains the outbox until nothing is due, after any drain already running in this process. */
export function drainUntilIdle(options: Omit<DrainOptions, "maxBatches"> = {}): Promise<DrainResult> {
  return exclusive(() => drainOutbox(options));
}

function scheduleDrain(): void {
  if (state.queued) return;
  state.queued = true;
  exclusive(() => {
    state.queued = false;
    return drainOutbox();
  }).catch((error: unknown) => {
    mailLog.error({ err: error }, "outbox drain failed");
  });
}

/**
 * Asks for the outbox to be drained shortly. Returns at once and never throws, so
 * route handlers and server actions can call it after queueing mail.
 */
export function kickOutbox(): void {
  if (runAfterResponse()) {
    if (!isServerless()) startPeriodicTick();
    return;
  }
  startPeriodicTick();
  if (state.debounce) return;
  state.debounce = setTimeout(() => {
    state.debounce = undefined;
    scheduleDrain();
  }, DEBOUNCE_MS);
}

/** Schedules the drain in the current request's after(); false outside a request. */
function runAfterResponse(): boolean {
  try {
    after(() => {
      scheduleDrain();
      return state.tail;
    });
    return true;
  } catch {
    // after() throws outside a request scope (scripts, instrumentation).
    return false;
  }
}

/** Vercel and similar hosts freeze the process between requests. */
function isServerless(): boolean {
  return env().VERCEL === "1";
}

function startPeriodicTick(): void {
  if (!state.periodic) {
    state.periodic = setInterval(scheduleDrain, PERIOD_MS);
    // The tick must not keep a script (or a test worker) alive on its own.
    state.periodic.unref();
  }
}
