import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signedInPerson } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { query } from "./support/db";
import { linkIn, waitForEmails } from "./support/mailbox";

// The organiser console in the browser: the organiser (ORGANISER_EMAILS, set by the
// test launcher) signs in by email link without having pledged, sees the overview,
// dry-runs and sends the due reminder as of a moved clock (ORGANISER_TEST_CLOCK, the
// launcher's test-only switch), marks a broken-link report handled and approves a
// flagged referral. A signed-out visitor and a signed-in non-organiser get a 404 from
// every console page (found by walking app/) and from the CSV route.
// SCREENSHOTS=1 writes phone and desktop screenshots, light and dark, to
// test-results/screenshots/organiser.

const APP = process.env.APP_URL ?? `http://127.0.0.1:${process.env.TEST_APP_PORT ?? 3100}`;
const ORGANISER = "organiser-e2e@example.test";
const CONSOLE = path.resolve("app/[locale]/(organiser)");
const SHOTS = "test-results/screenshots/organiser";
// The campaign's "d0" reminder (the last day) opens at 09:00 Brussels time on 26 May 2025.
const AS_OF = "2025-05-26T08:00";

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Every console page under /en, from the files in app/. */
const PAGES = walk(CONSOLE)
  .filter((file) => file.endsWith("page.tsx"))
  .map((file) => `/en/${path.relative(CONSOLE, path.dirname(file)).split(path.sep).join("/")}`)
  .sort();

async function expectNotFoundEverywhere(page: Page) {
  for (const url of [...PAGES, "/en/organiser/reminders?dryRun=1"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  const csv = await page.request.get("/api/organiser/stats.csv");
  expect(csv.status()).toBe(404);
}

async function checkPage(page: Page, name: string) {
  await expectNoAxeViolations(page, { name });
  if (process.env.SCREENSHOTS !== "1") return;
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    if (size) await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}-desktop-${colorScheme}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/${name}-phone-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (size) await page.setViewportSize(size);
}

/** Someone who pledged long before the d0 reminder and asked for reminders. */
async function remindablePerson(context: Parameters<typeof signedInPerson>[0]) {
  const person = await signedInPerson(context, { remindersConsent: true, platforms: ["facebook"] });
  await query(
    "UPDATE pledges SET verified_at = '2025-05-01', reminders_consent_at = '2025-05-01' WHERE id = $1",
    [person.pledgeId],
  );
  await context.clearCookies();
  return person;
}

test.describe("organiser console", () => {
  test("a signed-out visitor and a signed-in non-organiser get 404 on every console page", async ({
    page,
    context,
  }) => {
    expect(PAGES).toEqual([
      "/en/organiser",
      "/en/organiser/audit",
      "/en/organiser/health",
      "/en/organiser/reminders",
      "/en/organiser/reviews",
    ]);
    await expectNotFoundEverywhere(page);
    await signedInPerson(context);
    await expectNotFoundEverywhere(page);
  });

  test("an organiser signs in, sends a due reminder and works through the reviews", async ({
    page,
    context,
  }) => {
    // The longest journey of the suite (sign-in by mail, a real reminder run, five axe
    // scans and, on request, ten screenshots): a budget of what it takes on a loaded box.
    test.setTimeout(300_000);
    const person = await remindablePerson(context);
    const invitee = await signedInPerson(context);
    await context.clearCookies();
    await query(
      `UPDATE pledges SET referred_by_id = $1, referral_flagged_at = now(), referral_flag_reason = 'network_burst'
       WHERE id = $2`,
      [person.pledgeId, invitee.pledgeId],
    );
    await query(
      "INSERT INTO link_reports (id, campaign_id, platform, created_at) VALUES ($1, 'meta-ai-2025', 'whatsapp', now())",
      [`lr${Date.now()}`],
    );

    // Sign in by email link, without a pledge.
    await page.goto("/en/sign-in");
    await page.getByLabel("Email address").fill(ORGANISER);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const [mail] = await waitForEmails(ORGANISER, /sign-in link/);
    await page.goto(linkIn(mail!, `${APP}/en/sign-in/confirm`));
    await page.getByRole("button", { name: "Sign me in" }).click();
    await expect(page).toHaveURL(/\/en\/organiser$/);
    await expect(page.getByRole("heading", { level: 1, name: "Campaign overview" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Whole campaign" })).toBeVisible();
    await checkPage(page, "overview");

    // Dry run as of the d0 reminder, then send it for real through the shared sender.
    await page.goto("/en/organiser/reminders");
    await page.getByLabel("As of (UTC, empty for now)").fill(AS_OF);
    await page.getByRole("button", { name: "Dry run" }).click();
    await expect(page.getByText(/Reminder d0 would go to \d+ (person|people)/)).toBeVisible();
    await expect(page.getByText(/^en: \d+$/)).toBeVisible();
    await checkPage(page, "reminders");
    await page.getByRole("button", { name: "Send now" }).click();
    await expect(page.getByText("Started: reminder d0 is being sent.", { exact: false })).toBeVisible();
    await waitForEmails(person.email, /./);
    await expect(page.getByText(/^done: d0, started by console/)).toBeVisible();
    await expect(page.getByText(/^Sent [1-9]\d*, skipped \d+, failed 0$/).first()).toBeVisible();

    // Reviews: the broken link, then the flagged referral.
    await page.goto("/en/organiser/reviews");
    await checkPage(page, "reviews");
    await page.getByRole("button", { name: "Mark WhatsApp handled" }).click();
    await expect(page.getByText(/^Done: \d+ reports? marked handled\.$/)).toBeVisible();
    const flagged = page.getByRole("listitem").filter({ hasText: `Referrer ${person.pledgeId}` });
    await flagged.getByRole("button", { name: "Approve" }).click();
    await expect(flagged.getByText("Approved: 1 invitee counts again.")).toBeVisible();
    const [row] = await query<{ referral_flagged_at: Date | null }>(
      "SELECT referral_flagged_at FROM pledges WHERE id = $1",
      [invitee.pledgeId],
    );
    expect(row?.referral_flagged_at).toBeNull();

    await page.goto("/en/organiser/health");
    await expect(page.getByRole("heading", { name: "Configuration" })).toBeVisible();
    await checkPage(page, "health");
    await page.goto("/en/organiser/audit");
    await expect(
      page.getByText(`${ORGANISER} ran approve-referrals on ${person.pledgeId}: ok`, { exact: false }),
    ).toBeVisible();
    await expect(page.getByText(`${ORGANISER} ran send-reminder`, { exact: false })).toBeVisible();
    await checkPage(page, "audit");

    const csv = await page.request.get("/api/organiser/stats.csv");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^kind,key,verified_pledges\r\n/);
  });
});
