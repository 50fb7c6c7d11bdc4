import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { CampaignConfigError, loadCampaign } from "./lib/campaign/load";
import { EnvError, env } from "./lib/env";
import { PAGE_EXPIRE_SECONDS } from "./lib/http/page-cache";
import { API_CSP, FRAME_DENY_HEADER, SECURITY_HEADERS } from "./lib/security";
import { CACHED_PAGE_HEADER } from "./lib/security/prerendered";

// Validate the environment and the campaign config when the app builds or starts:
// a bad value stops it here with one line naming the culprit.
try {
  const { CAMPAIGN_CONFIG, CAMPAIGN_DEADLINE } = env();
  loadCampaign({ configPath: CAMPAIGN_CONFIG, deadline: CAMPAIGN_DEADLINE });
} catch (error) {
  if (error instanceof EnvError || error instanceof CampaignConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  distDir: env().NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Titles and descriptions go in <head> for everyone (screen readers, no-JS
  // browsers, link previews), not streamed into the body after the content.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["pino", "@electric-sql/pglite"],
  // Public pages are prerendered and revalidated (ISR); their CSP is made of the hashes
  // of each cached version's inline scripts, added by this cache handler (Next.js's own
  // file-system cache otherwise). Not on Vercel, whose cache does not run it: there
  // those pages render per request with a nonce ((marketing)/layout.tsx).
  cacheHandler: env().VERCEL ? undefined : path.resolve("lib/security/isr-cache-handler.mjs"),
  // A cached page is served stale at most this long after it is due, and a CDN keeps
  // it no longer either (Cache-Control: s-maxage + stale-while-revalidate): the
  // freshness bound of lib/http/page-cache.ts.
  expireTime: PAGE_EXPIRE_SECONDS,
  // Our forms post a few hundred bytes; Next's default (1 MB) would let anyone make
  // each action parse a megabyte. Bigger bodies are refused before any action runs.
  experimental: { serverActions: { bodySizeLimit: "64kb" } },
  // Read from disk at run time (lib/i18n/messages.ts, CAMPAIGN_CONFIG): ship them.
  outputFileTracingIncludes: { "/**": ["./messages/**/*.json", "./campaigns/**/*.json"] },
  // Pages get their headers from proxy.ts (and their CSP from it, with a per-request
  // nonce, or from the ISR cache handler, with script hashes); these cover
  // what the proxy skips: API routes, /r/ links, files and developer tools. Sources
  // do not overlap with the proxy's pages, so no response carries two policies.
  async headers() {
    const common = Object.entries({ ...SECURITY_HEADERS, ...FRAME_DENY_HEADER }).map(([key, value]) => ({
      key,
      value,
    }));
    const locked = [...common, { key: "Content-Security-Policy", value: API_CSP }];
    // Cached pages the proxy skips (marked by scripts/server.ts): its headers but the
    // CSP, which comes with the cached page; the embeddable counter may be framed.
    const cachedPage = [{ type: "header" as const, key: CACHED_PAGE_HEADER }];
    const securityOnly = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [
      { source: "/embed/:path*", has: cachedPage, headers: securityOnly },
      { source: "/((?!embed/).*)", has: cachedPage, headers: common },
      { source: "/api/:path*", headers: locked },
      { source: "/r/:path*", headers: locked },
      { source: "/dev/:path*", headers: common },
      { source: "/_next/:path*", headers: common },
      { source: "/:file([^/]+\\.[a-z0-9]+)", headers: locked },
      // The fallback invitation image (/r/<unknown code>/image redirects here): one
      // file for every bad code, cached by browsers and CDNs for a day.
      {
        source: "/og/:file*",
        headers: [...locked, { key: "Cache-Control", value: "public, max-age=86400, s-maxage=86400" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
