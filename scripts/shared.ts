// Pieces the launcher (scripts/launch.ts) and the benchmarks share: a fresh database
// on an existing server, and whether a production build is older than its sources.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** Creates an empty database next to `serverUrl`'s; returns its URL and how to drop it. */
export async function createFreshDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** What a production build is made from. */
export const BUILD_SOURCES = [
  "app",
  "components",
  "lib",
  "emails",
  "messages",
  "campaigns",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestMtime(entries: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p))
        if (name !== "generated" && name !== "node_modules") walk(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of entries) walk(path.resolve(entry));
  return newest;
}

const appUrlMarker = (distDir: string) => path.resolve(distDir, "APP_URL");

/**
 * Whether the build in `distDir` is newer than every source file and, with `appUrl`,
 * was made for that APP_URL: prerendered pages carry it (canonical and og:url links).
 */
export function isBuildFresh(distDir: string, appUrl?: string): boolean {
  const buildId = path.resolve(distDir, "BUILD_ID");
  if (!existsSync(buildId) || statSync(buildId).mtimeMs <= newestMtime(BUILD_SOURCES)) return false;
  if (appUrl === undefined) return true;
  const marker = appUrlMarker(distDir);
  return existsSync(marker) && readFileSync(marker, "utf8") === appUrl;
}

/** Records the APP_URL a build in `distDir` was made for. */
export function markBuildAppUrl(distDir: string, appUrl: string): void {
  writeFileSync(appUrlMarker(distDir), appUrl);
}
