// Resend counts requests per rolling second, by when they arrive. A plain token
// bucket that refills continuously can put N+1 requests in one rolling second, and
// a request can arrive well after it started (first connection, slow network). So
// each of the last N requests holds a slot until a second (plus a margin) after its
// answer came back: the next request can then only arrive more than a second after
// the previous one did. A 429 pauses everything.
//
// The limit is Resend's, per account, so in production the slots live in PostgreSQL
// (./send-slots.ts) and every process that sends shares them; the in-memory store
// holds them for one process.

const WINDOW_MS = 1000;
/**
 * Only for Resend's own rounding: the rule above is safe without it, since a request
 * arrives before its answer comes back and the slot is released after that. Each
 * millisecond here costs about a thousandth of the rate.
 */
const MARGIN_MS = 10;
/**
 * How long a slot stays held without word from its process. A request in flight renews
 * its lease every RENEW_EVERY_MS, so only a process that died mid-request (killed by a
 * deploy, a crash, a serverless timeout) stops renewing: its slot comes back after at
 * most this long, and every other sender waits no longer than that for it.
 */
export const LEASE_MS = 10_000;
/** A quarter of the lease: three renewals may be late (a busy event loop) before it runs out. */
const RENEW_EVERY_MS = LEASE_MS / 4;
/**
 * Renewals stop after this long (a request's 20 s timeout and a margin): a slot whose
 * release was never called (a bug) then comes back a lease later, not never.
 */
const MAX_HOLD_MS = 30_000;
/** Spreads the wake-ups of senders waiting for the same slot. */
const JITTER_MS = 10;
const MIN_WAIT_MS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type SlotTicket = { slot: number; token: string };

/** Where the slots are kept. Every wait is a lower bound: the limiter asks again after it. */
export type SlotStore = {
  /**
   * Takes one of slots 0..limit-1 that is free and not paused, held until released (or
   * for `leaseMs`); else says how long until one could be free: a slot in flight is
   * free `windowMs` after its release at the earliest.
   */
  take(limit: number, leaseMs: number, windowMs: number): Promise<SlotTicket | { waitMs: number }>;
  /** Holds a slot in flight for `leaseMs` more (its request is still running). */
  renew(ticket: SlotTicket, leaseMs: number): Promise<void>;
  /** Frees the slot `windowMs` from now. */
  release(ticket: SlotTicket, windowMs: number): Promise<void>;
  /** Holds every slot back for `ms`. */
  pause(ms: number): Promise<void>;
};

/** Slots for this process alone. */
export function memorySlotStore(): SlotStore {
  const freeAt = new Map<number, number>();
  const holders = new Map<number, string>();
  let pausedUntil = 0;
  return {
    async take(limit, _leaseMs, windowMs) {
      const now = Date.now();
      let earliest = Number.POSITIVE_INFINITY;
      for (let slot = 0; slot < limit; slot++) {
        const held = holders.has(slot);
        const at = held ? now + windowMs : (freeAt.get(slot) ?? 0);
        if (!held && at <= now && pausedUntil <= now) {
          const token = String(Math.random());
          holders.set(slot, token);
          return { slot, token };
        }
        earliest = Math.min(earliest, at);
      }
      return { waitMs: Math.max(earliest, pausedUntil) - now };
    },
    // A process cannot die without its own slots: nothing to renew.
    async renew() {},
    async release({ slot, token }, windowMs) {
      if (holders.get(slot) !== token) return;
      holders.delete(slot);
      freeAt.set(slot, Date.now() + windowMs);
    },
    async pause(ms) {
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
    },
  };
}

export type LimiterTiming = { leaseMs: number; renewEveryMs: number; maxHoldMs: number };

/** Call it when the request's answer (or failure) is back; `waitedMs` is how long the slot took. */
export type SlotRelease = (() => Promise<void>) & { waitedMs: number };

export class RequestRateLimiter {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly perSecond: () => number,
    private readonly store: SlotStore = memorySlotStore(),
    /** Tests shorten the lease; production keeps LEASE_MS. */
    private readonly timing: LimiterTiming = {
      leaseMs: LEASE_MS,
      renewEveryMs: RENEW_EVERY_MS,
      maxHoldMs: MAX_HOLD_MS,
    },
  ) {}

  /**
   * Resolves when one more request may start (callers of this process are served in
   * order) with a function to call when its answer (or failure) comes back.
   */
  acquire(): Promise<SlotRelease> {
    const turn = this.tail.then(() => this.waitForSlot());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every request back for `ms` (the server said retry-after). */
  pause(ms: number): Promise<void> {
    return this.store.pause(ms);
  }

  private async waitForSlot(): Promise<SlotRelease> {
    const rate = this.perSecond();
    const limit = Math.max(1, Math.floor(rate));
    // Below one per second (e.g. 0.5): one request per 1 / rate seconds.
    const windowMs = (limit / rate) * WINDOW_MS + MARGIN_MS;
    const { leaseMs, renewEveryMs, maxHoldMs } = this.timing;
    // From this process's turn on: its own queue (`tail`) is not counted.
    const started = Date.now();
    for (;;) {
      const taken = await this.store.take(limit, leaseMs, windowMs);
      if ("slot" in taken) {
        const takenAt = Date.now();
        // Unref'd: a renewal never keeps a process alive that has nothing else to do.
        const renewal = setInterval(() => {
          if (Date.now() - takenAt > maxHoldMs) clearInterval(renewal);
          else void this.store.renew(taken, leaseMs);
        }, renewEveryMs);
        renewal.unref();
        const release = () => {
          clearInterval(renewal);
          return this.store.release(taken, windowMs);
        };
        return Object.assign(release, { waitedMs: takenAt - started });
      }
      await sleep(Math.max(MIN_WAIT_MS, taken.waitMs) + Math.random() * JITTER_MS);
    }
  }
}
