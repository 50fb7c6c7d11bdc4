import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { signedInPerson } from "./support/auth";
import { query, uniqueEmail } from "./support/db";
import { emailsTo, waitForEmails } from "./support/mailbox";

// `SCREENSHOTS=1 npm test -- --only=e2e` writes a phone and a desktop picture of every
// page, light and dark, plus every email the app sends, into one folder, so a reviewer
// can look without running the app. Without SCREENSHOTS this file registers nothing.

const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? "test-results/screenshots");
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const SCHEMES = ["light", "dark"] as const;
const PUBLIC_PAGES: [string, string][] = [
  ["landing", "/en"],
  ["pledge", "/en/pledge"],
  ["pledge-check-email", "/en/pledge/check-email"],
  ["stats", "/en/stats"],
  ["leaderboard", "/en/leaderboard"],
  ["privacy", "/en/privacy"],
  ["sign-in", "/en/sign-in"],
  ["sign-in-check-email", "/en/sign-in/check-email"],
  ["not-found", "/en/no-such-page"],
];
const PERSONAL_PAGES: [string, string][] = [
  ["dashboard", "/en/dashboard"],
  ["account", "/en/account"],
];

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

async function eachLook(
  browser: Browser,
  run: (page: Page, suffix: string) => Promise<void>,
  signIn = false,
) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport, colorScheme, locale: "en-GB" });
      if (signIn)
        await signedInPerson(context, { firstName: "Ada", platforms: ["facebook", "instagram", "whatsapp"] });
      const page = await context.newPage();
      await run(page, `${device}-${colorScheme}`);
      await context.close();
    }
  }
}

if (process.env.SCREENSHOTS) {
  test.describe("screenshots", () => {
    test.describe.configure({ timeout: 300_000 });
    test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

    test("public pages", async ({ browser }) => {
      await eachLook(browser, async (page, suffix) => {
        for (const [name, url] of PUBLIC_PAGES) {
          await page.goto(url);
          await expect(page.locator("main")).toBeVisible();
          await shoot(page, `${name}-${suffix}`);
        }
      });
    });

    test("invitation", async ({ browser }) => {
      const seed = await browser.newContext();
      const inviter = await signedInPerson(seed, { firstName: "Ada" });
      await seed.close();
      await query("UPDATE pledges SET show_first_name_on_share = true WHERE id = $1", [inviter.pledgeId]);
      await eachLook(browser, async (page, suffix) => {
        await page.goto(`/r/${inviter.referralCode}`);
        await expect(page.locator("main")).toBeVisible();
        await shoot(page, `invitation-${suffix}`);
      });
    });

    test("personal pages", async ({ browser }) => {
      await eachLook(
        browser,
        async (page, suffix) => {
          for (const [name, url] of PERSONAL_PAGES) {
            await page.goto(url);
            await expect(page.locator("main")).toBeVisible();
            await shoot(page, `${name}-${suffix}`);
          }
        },
        true,
      );
    });

    test("emails", async ({ page, browser }) => {
      const email = uniqueEmail("shots");
      await page.goto("/en/pledge");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("First name").fill("Ada");
      await page.getByLabel("Where do you live?").selectOption({ label: "Germany" });
      await page.getByRole("checkbox", { name: "Facebook" }).check();
      await page.getByRole("button", { name: /^Pledge/ }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      await waitForEmails(email, /./, 1);
      const mails = await emailsTo(email);
      for (const [i, mail] of mails.entries()) {
        const slug = `email-${i + 1}-${mail.subject
          .replace(/[^A-Za-z0-9]+/g, "-")
          .slice(0, 40)
          .toLowerCase()}`;
        writeFileSync(path.join(OUT, `${slug}.html`), mail.html ?? "");
        for (const [device, viewport] of Object.entries(VIEWPORTS)) {
          const context = await browser.newContext({ viewport });
          const view = await context.newPage();
          await view.setContent(mail.html ?? "", { waitUntil: "load" });
          await view.screenshot({ path: path.join(OUT, `${slug}-${device}.png`), fullPage: true });
          await context.close();
        }
      }
    });
  });
}
