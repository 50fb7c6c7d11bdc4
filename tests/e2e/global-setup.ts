import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Fail early, with what to install, when no Chromium is available.
export default async function globalSetup() {
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].some((p) => existsSync(p));
  if (system) return;
  if (!existsSync(chromium.executablePath())) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`.",
    );
  }
}
