import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { CampaignConfigError, loadCampaign } from "./lib/campaign/load";
import { EnvError, env } from "./lib/env";

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
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["pino", "@electric-sql/pglite"],
  // Read from disk at run time (lib/i18n/messages.ts, CAMPAIGN_CONFIG): ship them.
  outputFileTracingIncludes: { "/**": ["./messages/**/*.json", "./campaigns/**/*.json"] },
};

export default withNextIntl(nextConfig);
