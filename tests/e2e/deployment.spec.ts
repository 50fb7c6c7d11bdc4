import { expect, type Page, test } from "@playwright/test";
import { uniqueEmail } from "./support/db";
import { linkIn, waitForEmails } from "./support/mailbox";

// The journey a person takes where organisers deploy the app: run by the "proxy"
// project (the production build behind a reverse proxy on another address, APP_URL
// set to the proxy's URL) and by the "desktop" project (a plain 127.0.0.1 address).
// Every redirect must stay on the public origin, with no CSP violation on the way.

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function signInFromEmail(page: Page, origin: string, email: string, isPledge: boolean) {
  // A new pledge's link is worded as its confirmation; later ones are sign-in links.
  const mails = await waitForEmails(email, isPledge ? /^Confirm your pledge: / : /sign-in link/, 1);
  const link = linkIn(mails.at(-1)!, `${origin}/en/sign-in/confirm`);
  await page.goto(link);
  await page.getByRole("button", { name: isPledge ? "Confirm my pledge" : "Sign me in" }).click();
  await expect(page).toHaveURL(new RegExp(`^${origin.replaceAll(".", "\\.")}/en/dashboard(\\?welcome=1)?$`));
}

test("pledge, sign in from the email, sign out and in again, all on the public origin", async ({
  page,
  baseURL,
}) => {
  // Two emails and six page loads: on a loaded 2-core machine this takes 15-30 s.
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const violations = watchCsp(page);
  const email = uniqueEmail("deployed");

  await page.goto("/en/pledge");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Where do you live?").selectOption({ label: "France" });
  await page.getByRole("checkbox", { name: "Instagram" }).check();
  await page.getByRole("button", { name: "Pledge and email me my link" }).click();
  await expect(page).toHaveURL(`${origin}/en/pledge/check-email`);

  await signInFromEmail(page, origin, email, true);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${origin}/en`);
  await page.goto("/en/dashboard");
  await expect(page).toHaveURL(`${origin}/en/sign-in`);

  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(`${origin}/en/sign-in/check-email`);
  await signInFromEmail(page, origin, email, false);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  expect(violations).toEqual([]);
});

test("the unsubscribe link and Auth.js errors redirect onto the public origin", async ({
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const unsubscribe = await request.get("/api/unsubscribe?t=abcdefghijkl", { maxRedirects: 0 });
  expect(unsubscribe.status()).toBe(303);
  expect(unsubscribe.headers().location).toBe(`${origin}/en/unsubscribe?t=abcdefghijkl`);

  const callback = await request.get("/api/auth/callback/email?token=nope&email=a%40example.org", {
    maxRedirects: 0,
  });
  expect(callback.status()).toBe(302);
  expect(callback.headers().location).toMatch(new RegExp(`^${origin.replaceAll(".", "\\.")}/`));
});

test("pages name their canonical URL and alternates on the public origin", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await page.goto("/en/stats");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${origin}/en/stats`);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", `${origin}/en/stats`);
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
    "href",
    `${origin}/stats`,
  );
});
