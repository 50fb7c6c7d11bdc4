import { describe, expect, it } from "vitest";
import { createRefreshingCache } from "@/lib/stats/cache";

function setup(options: { fail?: () => boolean } = {}) {
  let clock = 0;
  let loads = 0;
  let release: (() => void) | undefined;
  let isBlocking = false;
  const cache = createRefreshingCache({
    freshMs: 10_000,
    maxAgeMs: 20_000,
    now: () => clock,
    async load() {
      loads += 1;
      const value = loads;
      if (isBlocking) await new Promise<void>((resolve) => (release = resolve));
      if (options.fail?.()) throw new Error("database down");
      return value;
    },
  });
  return {
    cache,
    loads: () => loads,
    advance: (ms: number) => (clock += ms),
    block: (value: boolean) => (isBlocking = value),
    release: () => release?.(),
  };
}

describe("refreshing stats cache", () => {
  it("loads once, then serves from memory while fresh", async () => {
    const s = setup();
    expect(await s.cache.get()).toBe(1);
    s.advance(9_999);
    expect(await s.cache.get()).toBe(1);
    expect(s.loads()).toBe(1);
  });

  it("serves the old value while one background refresh runs, then the new one", async () => {
    const s = setup();
    await s.cache.get();
    s.advance(10_000);
    s.block(true);
    expect(await s.cache.get()).toBe(1);
    expect(await s.cache.get()).toBe(1);
    expect(s.loads()).toBe(2);
    s.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await s.cache.get()).toBe(2);
  });

  it("makes callers wait once the value reaches the maximum age", async () => {
    const s = setup();
    await s.cache.get();
    s.advance(20_000);
    expect(await s.cache.get()).toBe(2);
  });

  it("shares one load among concurrent first callers", async () => {
    const s = setup();
    const values = await Promise.all([s.cache.get(), s.cache.get(), s.cache.get()]);
    expect(values).toEqual([1, 1, 1]);
    expect(s.loads()).toBe(1);
  });

  it("keeps serving within the bound when a background refresh fails, and fails past it", async () => {
    let isDown = false;
    const s = setup({ fail: () => isDown });
    await s.cache.get();
    isDown = true;
    s.advance(15_000);
    expect(await s.cache.get()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    s.advance(5_000);
    await expect(s.cache.get()).rejects.toThrow("database down");
    isDown = false;
    expect(await s.cache.get()).toBe(4);
  });
});
