import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// Which request paths Next.js serves from its ISR cache, read from the build's own
// list (prerender-manifest.json): every page it prerendered, and every page with a
// dynamic segment that it renders on demand into the cache (by its route pattern).
// The proxy sends no nonce to these; their CSP comes with the cached page
// (./isr-cache-handler.mjs). Nothing here is hand-maintained: a page becomes static
// or dynamic by what it does, and the build says which it turned out to be.

const manifestSchema = z.object({
  routes: z.record(z.string(), z.unknown()),
  dynamicRoutes: z.record(z.string(), z.object({ routeRegex: z.string() })),
});

export type PrerenderedRoutes = {
  /** Served from the cache: prerendered, or a dynamic-segment page cached on demand. */
  has(pathname: string): boolean;
  /** Prerendered at build time, under exactly this path (no pattern). */
  isPrebuilt(pathname: string): boolean;
};

/**
 * Set by the production server (scripts/server.ts) on a GET or HEAD of a prebuilt page
 * without ?ref=: the proxy does not run for it (proxy.ts `missing`), and next.config.ts
 * gives it the common security headers (its CSP comes with the cached page). Any copy
 * a client sends is dropped first. On hosts without that server (Vercel) it is never
 * set and the proxy sees every page.
 */
export const CACHED_PAGE_HEADER = "x-app-cached-page";

/** Paths of the build's internal pages, never requested by a visitor under these names. */
const INTERNAL = /^\/_(?:not-found|global-error)$/;

export function prerenderedRoutesFrom(manifest: unknown): PrerenderedRoutes {
  const { routes, dynamicRoutes } = manifestSchema.parse(manifest);
  const exact = new Set(Object.keys(routes).filter((route) => !INTERNAL.test(route)));
  const patterns = Object.values(dynamicRoutes).map(({ routeRegex }) => new RegExp(routeRegex));
  return {
    has: (pathname) => exact.has(pathname) || patterns.some((pattern) => pattern.test(pathname)),
    isPrebuilt: (pathname) => exact.has(pathname),
  };
}

const NONE: PrerenderedRoutes = { has: () => false, isPrebuilt: () => false };
let loaded: PrerenderedRoutes | undefined;

/**
 * The running build's prerendered routes (read once per process). Without a readable
 * manifest (development, or a platform such as Vercel that serves its own cache),
 * none: every page then gets a per-request nonce.
 */
export function prerenderedRoutes(): PrerenderedRoutes {
  loaded ??= load();
  return loaded;
}

function load(): PrerenderedRoutes {
  if (process.env.NODE_ENV !== "production" || process.env.VERCEL) return NONE;
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "prerender-manifest.json");
  try {
    return prerenderedRoutesFrom(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    // Loud: nonce pages keep working, but prerendered ones would lose their scripts.
    console.error(`[proxy] cannot read ${file}; every page gets a per-request nonce`, error);
    return NONE;
  }
}
