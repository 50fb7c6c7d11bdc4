// Even spacing for several senders that share one Resend rate limit. The limit itself
// is kept by lib/mail/send-slots.ts (slots shared through the database), which lets
// senders through in bursts as slots free up; pacing spreads them out instead. Time is cut into slots of 1/R second (plus a little slack); sender i of N
// sends only in slots k with k mod N = i. All senders read the same wall clock, so
// their requests interleave and reach Resend evenly spaced, at just under R per
// second in total (the reminders benchmark measures that). A drifting clock costs
// time, never a duplicate or a 429.

export type SlotPacerOptions = {
  /** Requests per second allowed in total (Resend's limit). */
  perSecond: number;
  /** How many senders share it, and which one this is (0-based). */
  senders: number;
  index: number;
  /** Extra spacing, as a fraction of a slot (default 2%). */
  slack?: number;
  /**
   * A wake-up later than this after its slot began (a busy event loop, a GC pause, a
   * loaded machine) gives the slot up and waits for this sender's next one: sent late,
   * the request would arrive within a second of the next senders' ten and draw a 429,
   * which pauses every sender for a whole second (default: a fifth of a slot).
   */
  maxLateMs?: number;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function slotPacer({
  perSecond,
  senders,
  index,
  slack = 0.02,
  maxLateMs,
}: SlotPacerOptions): () => Promise<void> {
  if (!(perSecond > 0) || senders < 1 || index < 0 || index >= senders) {
    throw new Error("slotPacer: perSecond > 0 and 0 <= index < senders are required");
  }
  const slotMs = (1000 / perSecond) * (1 + slack);
  const lateMs = maxLateMs ?? slotMs / 5;
  let lastSlot = -1;
  return async () => {
    let now = Date.now();
    let slot = Math.ceil(now / slotMs);
    slot += (((index - slot) % senders) + senders) % senders;
    if (slot <= lastSlot) slot = lastSlot + senders;
    for (;;) {
      await sleep(Math.max(0, slot * slotMs - now));
      now = Date.now();
      if (now - slot * slotMs <= lateMs) break;
      slot += senders * Math.ceil((now - slot * slotMs) / (slotMs * senders));
    }
    lastSlot = slot;
  };
}
