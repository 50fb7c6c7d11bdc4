import { expect } from "@playwright/test";

/**
 * The response came from Next.js's ISR cache: a hit (or a stale hit), or, when it says
 * its `Age`, the production server's microcache (lib/http/microcache.ts) replaying a
 * response of that cache, which may be the one that (re)filled it.
 */
export function expectServedFromCache(headers: Record<string, string>) {
  expect(headers["x-nextjs-cache"]).toMatch(
    headers.age === undefined ? /^(HIT|STALE)$/ : /^(HIT|STALE|REVALIDATED)$/,
  );
}
