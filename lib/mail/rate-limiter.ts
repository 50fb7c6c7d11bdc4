// Resend counts requests per rolling second, by when they arrive. A plain token
// bucket that refills continuously can put N+1 requests in one rolling second, and
// a request can arrive well after it started (first connection, slow network). So
// each of the last N requests holds a slot until a second (plus a margin) after its
// answer came back: the next request can then only arrive more than a second after
// the previous one did. A 429 pauses everything.

const WINDOW_MS = 1000;
const MARGIN_MS = 50;
/** How often to look again while every slot is held by a request in flight. */
const POLL_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Slot = { doneAt: number | null };

export class RequestRateLimiter {
  private slots: Slot[] = [];
  private pausedUntil = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly perSecond: () => number) {}

  /**
   * Resolves when one more request may start (callers are served in order) with a
   * function to call when its answer (or failure) comes back.
   */
  acquire(): Promise<() => void> {
    const turn = this.tail.then(() => this.waitForSlot());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every request back for `ms` (the server said retry-after). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  private async waitForSlot(): Promise<() => void> {
    const rate = this.perSecond();
    const limit = Math.max(1, Math.floor(rate));
    // Below one per second (e.g. 0.5): one request per 1 / rate seconds.
    const windowMs = (limit / rate) * WINDOW_MS + MARGIN_MS;
    for (;;) {
      const now = Date.now();
      this.slots = this.slots.filter((slot) => slot.doneAt === null || slot.doneAt > now - windowMs);
      if (this.slots.length < limit && this.pausedUntil <= now) {
        const slot: Slot = { doneAt: null };
        this.slots.push(slot);
        return () => {
          slot.doneAt = Date.now();
        };
      }
      const freed = this.slots
        .map((slot) => (slot.doneAt === null ? now + POLL_MS : slot.doneAt + windowMs))
        .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
      const wait = Math.max(this.pausedUntil - now, this.slots.length < limit ? 0 : freed - now, 1);
      await sleep(wait);
    }
  }
}
