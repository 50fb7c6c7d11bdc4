import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LEASE_MS, RequestRateLimiter } from "@/lib/mail/rate-limiter";
import { postgresSlotStore } from "@/lib/mail/send-slots";

// The shared send slots (mail_send_slots) when a sender dies mid-request, and when a
// request outlives its lease: a dead process must not hold every other sender back for
// long, and a slow request must not lose its slot to another sender (which would put
// one request too many in Resend's second).

let holder: ChildProcess | undefined;

beforeEach(async () => {
  // Files share the database: start from free slots whatever ran before.
  await db.$executeRaw`DELETE FROM mail_send_slots`;
});

afterEach(() => {
  if (holder?.exitCode === null) holder.kill("SIGKILL");
  holder = undefined;
});

describe("shared send slots", () => {
  it("come back within one lease when the process holding them is killed mid-request", {
    // Starting a tsx child takes ~3-10 s on a loaded machine, then one lease (10 s).
    timeout: 90_000,
  }, async () => {
    const limit = 2;
    holder = fork(path.resolve("tests/integration/slot-holder-process.ts"), [String(limit)], {
      execArgv: ["--import", "tsx"],
      env: process.env,
    });
    await new Promise<void>((resolve, reject) => {
      holder!.once("message", () => resolve());
      holder!.once("exit", (code) => reject(new Error(`the slot holder exited with code ${code}`)));
    });
    const killedAt = Date.now();
    holder.kill("SIGKILL");

    const limiter = new RequestRateLimiter(() => limit, postgresSlotStore());
    const release = await limiter.acquire();
    const waited = Date.now() - killedAt;
    await release();
    // The slots really were held (a free slot is taken in milliseconds), and for no
    // longer than the lease plus the limiter's polling and a loaded machine's delays.
    expect(waited).toBeGreaterThan(LEASE_MS / 2);
    expect(waited).toBeLessThan(LEASE_MS + 5_000);
  });

  it("stay held while a request runs for several leases, and are free a window after it ends", async () => {
    const timing = { leaseMs: 400, renewEveryMs: 100, maxHoldMs: 10_000 };
    const first = new RequestRateLimiter(() => 1, postgresSlotStore(), timing);
    const second = new RequestRateLimiter(() => 1, postgresSlotStore(), timing);
    const release = await first.acquire();
    let secondAt = 0;
    const waiting = second.acquire().then((done) => {
      secondAt = Date.now();
      return done;
    });
    // Four leases: without renewals the second sender would have taken the slot at 400 ms.
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(secondAt).toBe(0);
    const releasedAt = Date.now();
    await release();
    await (await waiting)();
    // One request per second: the next starts a second (plus a margin) after the answer.
    expect(secondAt - releasedAt).toBeGreaterThanOrEqual(990);
  });

  it("stop being renewed after the longest a request may take, so a slot never released comes back", async () => {
    const timing = { leaseMs: 300, renewEveryMs: 100, maxHoldMs: 800 };
    const leaky = new RequestRateLimiter(() => 1, postgresSlotStore(), timing);
    const other = new RequestRateLimiter(() => 1, postgresSlotStore(), timing);
    await leaky.acquire(); // never released (a bug in a caller)
    const t0 = Date.now();
    const release = await other.acquire();
    const waited = Date.now() - t0;
    await release();
    // Held while renewals went on (800 ms), then free a lease (300 ms) after the last one.
    expect(waited).toBeGreaterThan(700);
    expect(waited).toBeLessThan(3_000);
    expect(release.waitedMs).toBeGreaterThan(700);
  });
});
