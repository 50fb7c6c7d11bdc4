// How fresh the public figures are, and the cache that keeps reads constant-time.
//
// Staleness bound (documented on /api/stats and in its JSON):
//   the in-process cache serves figures at most CACHE_MAX_AGE_SECONDS old (after
//   CACHE_FRESH_SECONDS it refreshes in the background, after CACHE_MAX_AGE_SECONDS a
//   request waits for the refresh); a shared HTTP cache may keep a response
//   HTTP_S_MAXAGE_SECONDS and serve it stale HTTP_STALE_WHILE_REVALIDATE_SECONDS more.
//   Browsers keep it HTTP_MAX_AGE_SECONDS, counted from the response's Age, so they add
//   nothing beyond the shared cache's window. Worst case: the sum, MAX_STALENESS_SECONDS.

export const CACHE_FRESH_SECONDS = 10;
export const CACHE_MAX_AGE_SECONDS = 20;
export const HTTP_MAX_AGE_SECONDS = 10;
export const HTTP_S_MAXAGE_SECONDS = 20;
export const HTTP_STALE_WHILE_REVALIDATE_SECONDS = 20;
export const MAX_STALENESS_SECONDS =
  CACHE_MAX_AGE_SECONDS + HTTP_S_MAXAGE_SECONDS + HTTP_STALE_WHILE_REVALIDATE_SECONDS;

export const STATS_CACHE_CONTROL = `public, max-age=${HTTP_MAX_AGE_SECONDS}, s-maxage=${HTTP_S_MAXAGE_SECONDS}, stale-while-revalidate=${HTTP_STALE_WHILE_REVALIDATE_SECONDS}`;

type Entry<T> = { value: T; loadedAt: number } | undefined;

export type RefreshingCache<T> = {
  /** The cached value, loading or refreshing it as its age requires. */
  get(): Promise<T>;
  /** Forgets the value, so the next `get` loads it again. */
  clear(): void;
};

/**
 * A single value refreshed at most every `freshMs`: between `freshMs` and `maxAgeMs`
 * the old value is served while one background load runs; past `maxAgeMs` callers
 * wait for the load. Concurrent callers share one load. Ages count from when a load
 * started, so the bound holds however long the load takes.
 */
export function createRefreshingCache<T>(options: {
  load: () => Promise<T>;
  freshMs: number;
  maxAgeMs: number;
  now?: () => number;
  onBackgroundError?: (error: unknown) => void;
}): RefreshingCache<T> {
  const now = options.now ?? Date.now;
  let entry: Entry<T>;
  let pending: Promise<T> | undefined;

  const refresh = (): Promise<T> => {
    if (pending) return pending;
    const startedAt = now();
    const loading = options.load().then(
      (value) => {
        entry = { value, loadedAt: startedAt };
        pending = undefined;
        return value;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    pending = loading;
    return loading;
  };

  return {
    get() {
      if (!entry) return refresh();
      const age = now() - entry.loadedAt;
      if (age >= options.maxAgeMs) return refresh();
      if (age >= options.freshMs) refresh().catch(options.onBackgroundError ?? (() => {}));
      return Promise.resolve(entry.value);
    },
    clear() {
      entry = undefined;
    },
  };
}
