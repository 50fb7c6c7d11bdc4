// How long the public pages (app/[locale]/(marketing), /embed) are cached, and the
// freshness that gives their figures.
//
// Next.js serves a cached page for PAGE_REVALIDATE_SECONDS, then serves it once more
// while it renders a new one in the background; past PAGE_EXPIRE_SECONDS (next.config
// `expireTime`) a request waits for the new render. So a page this instance sends is
// at most PAGE_EXPIRE_SECONDS old. It goes out with
//   Cache-Control: s-maxage=PAGE_REVALIDATE_SECONDS,
//                  stale-while-revalidate=PAGE_EXPIRE_SECONDS - PAGE_REVALIDATE_SECONDS
// so a CDN in front keeps it at most PAGE_EXPIRE_SECONDS more (browsers keep nothing:
// no max-age). The figures in it were at most CACHE_MAX_AGE_SECONDS old when rendered
// (lib/stats/cache.ts). Worst case, a figure on a page is
//   CACHE_MAX_AGE_SECONDS + 2 * PAGE_EXPIRE_SECONDS = 60 s old,
// the MAX_STALENESS_SECONDS that /api/stats and the stats page state
// (tests/unit/page-cache.test.ts holds the two together).

export const PAGE_REVALIDATE_SECONDS = 10;
export const PAGE_EXPIRE_SECONDS = 20;

/**
 * True while `next build` prerenders pages. Pages that read the database skip it then
 * (the build may run before any database exists, as `npm start` does) and render their
 * "not available" state; that version is never served in practice: it is older than
 * PAGE_EXPIRE_SECONDS when the server starts, so the first request renders afresh.
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
