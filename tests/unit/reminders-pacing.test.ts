import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { slotPacer } from "@/lib/reminders/pacing";

/** Runs `pace()` and reports the clock when it lets the request go. */
async function wakeTime(pace: () => Promise<void>, advanceMs: number, lateByMs = 0): Promise<number | null> {
  let woke: number | null = null;
  void pace().then(() => {
    woke = Date.now();
  });
  // A late wake-up: the clock jumps ahead while the timer is pending (a GC pause, a busy loop).
  if (lateByMs > 0) vi.setSystemTime(Date.now() + lateByMs);
  await vi.advanceTimersByTimeAsync(advanceMs);
  return woke;
}

describe("slotPacer: senders take turns in slots of 1/R second", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_050);
  });
  afterEach(() => vi.useRealTimers());

  it("sends each sender in its own slots only, one after another", async () => {
    const pace = slotPacer({ perSecond: 10, senders: 2, index: 0, slack: 0 });
    // Slots of 100 ms; sender 0 of 2 owns the even ones: 1200, 1400, ...
    expect(await wakeTime(pace, 150)).toBe(1_200);
    expect(await wakeTime(pace, 200)).toBe(1_400);
    const other = slotPacer({ perSecond: 10, senders: 2, index: 1, slack: 0 });
    expect(await wakeTime(other, 100)).toBe(1_500);
  });

  it("gives up a slot it wakes up too late for, and takes its next own one", async () => {
    const pace = slotPacer({ perSecond: 10, senders: 2, index: 0, slack: 0, maxLateMs: 20 });
    expect(await wakeTime(pace, 150)).toBe(1_200);
    // Due at 1400, woken at 1650: sending then would crowd sender 1's 1500 and 1700
    // requests, so it waits for its own 1800 slot instead.
    let woke: number | null = null;
    void pace().then(() => {
      woke = Date.now();
    });
    vi.setSystemTime(1_450);
    await vi.advanceTimersByTimeAsync(200);
    expect(Date.now()).toBe(1_650);
    expect(woke).toBeNull();
    await vi.advanceTimersByTimeAsync(149);
    expect(woke).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(woke).toBe(1_800);
  });

  it("lets a slightly late wake-up through", async () => {
    const pace = slotPacer({ perSecond: 10, senders: 2, index: 0, slack: 0, maxLateMs: 20 });
    expect(await wakeTime(pace, 150, 15)).toBe(1_215);
  });

  it("refuses impossible settings", () => {
    expect(() => slotPacer({ perSecond: 0, senders: 1, index: 0 })).toThrow();
    expect(() => slotPacer({ perSecond: 10, senders: 2, index: 2 })).toThrow();
  });
});
