import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` (scripts/launch.ts): it provides DATABASE_URL, a fake Resend
// server and a fresh production build, then this config starts the production server
// (scripts/server.ts, as `npm start` does).

// The app under test answers on a plain 127.0.0.1 address (APP_URL), and a second
// instance of the same build sits behind a reverse proxy on another loopback address,
// with APP_URL set to the proxy's URL, as organisers deploy it.
const port = Number(process.env.TEST_APP_PORT ?? 3100);
const baseURL = process.env.APP_URL ?? `http://127.0.0.1:${port}`;
const proxiedPort = port + 1;
const proxyURL = `http://127.0.0.2:${port + 2}`;

// Debian's Chromium when present (these machines cannot download Playwright's own);
// otherwise Playwright's browser, which `npx playwright install chromium` provides.
const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const launchOptions = SYSTEM_CHROMIUM
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // No retries: a flaky test is a defect, and a retry would hide it. Instead every
  // test gets about three times what the longest journeys take on a loaded 2-core
  // machine (up to ~30 s), so none sits close to its timeout.
  retries: 0,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL, trace: "on-first-retry", locale: "en-GB" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, grep: /@phone/ },
    {
      name: "proxy",
      testMatch: /deployment\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions, baseURL: proxyURL },
    },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx scripts/server.ts --hostname 127.0.0.1 --port ${port}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { NODE_ENV: "production" },
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `node_modules/.bin/tsx scripts/server.ts --hostname 127.0.0.1 --port ${proxiedPort}`,
      url: `http://127.0.0.1:${proxiedPort}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      // Its own build (scripts/launch.ts), made for its APP_URL like any deployment's.
      env: {
        NODE_ENV: "production",
        APP_URL: proxyURL,
        TRUSTED_PROXY_HOPS: "1",
        ...(process.env.PROXIED_DIST_DIR ? { NEXT_DIST_DIR: process.env.PROXIED_DIST_DIR } : {}),
      },
      stderr: "pipe",
    },
    {
      command: `node_modules/.bin/tsx tests/e2e/support/reverse-proxy.ts 127.0.0.2:${port + 2} 127.0.0.1:${proxiedPort}`,
      url: `${proxyURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
  globalSetup: "./tests/e2e/global-setup.ts",
});
