import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { countPledgesFor, query, uniqueEmail } from "./support/db";
import { linkIn, waitForEmails } from "./support/mailbox";

const APP = process.env.APP_URL ?? `http://127.0.0.1:${process.env.TEST_APP_PORT ?? 3100}`;

async function fillPledge(page: Page, email: string, options: { name?: string } = {}) {
  await page.getByLabel("Email address").fill(email);
  if (options.name) await page.getByLabel("First name").fill(options.name);
  await page.getByLabel("Where do you live?").selectOption({ label: "Germany" });
  await page.getByRole("checkbox", { name: "Facebook" }).check();
  await page.getByRole("checkbox", { name: "Instagram" }).check();
}

// A new pledge's link is worded as its confirmation; later links are plain sign-in links.
const PLEDGE_MAIL = /^Confirm your pledge: Say no to Meta AI training$/;

async function openLatestLink(
  page: Page,
  email: string,
  count: number,
  kind: "pledge" | "sign-in" = "sign-in",
) {
  const mails = await waitForEmails(email, kind === "pledge" ? PLEDGE_MAIL : /sign-in link/, count);
  const link = linkIn(mails.at(-1)!, `${APP}/en/sign-in/confirm`);
  await page.goto(link);
  if (kind === "pledge")
    await expect(page.getByRole("heading", { level: 1, name: "Confirm your pledge" })).toBeVisible();
  await page.getByRole("button", { name: kind === "pledge" ? "Confirm my pledge" : "Sign me in" }).click();
  return link;
}

test.describe("sign up and pledge", () => {
  test("pledge, confirm by email, sign out and sign in again @phone", async ({ page }) => {
    const email = uniqueEmail("journey");
    await page.goto("/en");
    await page.getByRole("link", { name: "Pledge to object" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Pledge to object" })).toBeVisible();
    // Every reminder of the bundled campaign (its deadline was 27 May 2025) is past:
    // the form asks for no consent to emails that would never come.
    await expect(page.getByRole("checkbox", { name: /email me reminders/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await fillPledge(page, email, { name: "Ada" });
    await page.getByRole("button", { name: "Pledge and email me my link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const [pledge] = await query<{
      verified_at: Date | null;
      reminders_consent: boolean;
      reminders_consent_text: string | null;
      platforms: string[];
    }>(
      "SELECT verified_at, reminders_consent, reminders_consent_text, platforms FROM pledges p JOIN users u ON u.id = p.user_id WHERE u.email = $1",
      [email],
    );
    expect(pledge).toMatchObject({
      verified_at: null,
      reminders_consent: false,
      reminders_consent_text: null,
      platforms: ["facebook", "instagram"],
    });

    const [pledgeMail] = await waitForEmails(email, PLEDGE_MAIL, 1);
    expect(pledgeMail!.text).toContain("Hi Ada,");
    expect(pledgeMail!.text).not.toMatch(/sign in to/i);
    const link = await openLatestLink(page, email, 1, "pledge");
    await expect(page).toHaveURL(/\/en\/dashboard/);
    await expect(page.getByText("Your pledge is confirmed. Thank you!")).toBeVisible();
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    const [verified] = await query<{ verified_at: Date | null }>(
      "SELECT verified_at FROM pledges p JOIN users u ON u.id = p.user_id WHERE u.email = $1",
      [email],
    );
    expect(verified?.verified_at).not.toBeNull();
    await waitForEmails(email, /Thank you for your pledge/, 1);

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await page.goto("/en/dashboard");
    await expect(page).toHaveURL(/\/en\/sign-in$/);

    // The first link was used: it cannot sign anyone in again.
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my pledge" }).click();
    await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();

    await page.goto("/en/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await openLatestLink(page, email, 1);
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  });

  test("a first-time visitor on a phone: landing to the first official form in 3 screens after the email @phone", async ({
    page,
    context,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // The official form is another site: answered here, so the test needs no network.
    await context.route("https://www.facebook.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>Facebook form</title>" }),
    );
    const email = uniqueEmail("firstrun");
    await page.goto("/en");
    await page.getByRole("link", { name: "Pledge to object" }).first().click();
    await fillPledge(page, email, { name: "Ada" });
    await page.getByRole("button", { name: "Pledge and email me my link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    // After the email, count every screen until the first official form is open.
    let screens = 0;
    const [mail] = await waitForEmails(email, PLEDGE_MAIL, 1);
    await page.goto(linkIn(mail!, `${APP}/en/sign-in/confirm`));
    screens++; // 1: the confirm page
    await page.getByRole("button", { name: "Confirm my pledge" }).click();
    await expect(page).toHaveURL(/\/en\/dashboard\?welcome=1$/);
    screens++; // 2: the checklist, with the first guide's step 1 and its form button on screen
    const facebook = page.getByRole("region", { name: "Facebook" });
    await expect(facebook.getByRole("listitem").first()).toBeInViewport();
    const formLink = facebook.getByRole("link", { name: /Open Facebook's official objection form/ });
    await expect(formLink).toBeInViewport();
    const [form] = await Promise.all([page.waitForEvent("popup"), formLink.click()]);
    screens++; // 3: the official form
    await expect(form).toHaveURL("https://www.facebook.com/help/contact/712876720715583");
    expect(screens).toBeLessThanOrEqual(3);
  });

  test("the check-email page shows the address used and sends the link again @phone", async ({ page }) => {
    const email = uniqueEmail("resend");
    await page.goto("/en/pledge");
    await fillPledge(page, email, { name: "Ada" });
    await page.getByRole("button", { name: "Pledge and email me my link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByText(`We sent the link to ${email}`)).toBeVisible();
    await waitForEmails(email, PLEDGE_MAIL, 1);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByRole("status")).toHaveText("A new link is on its way. Each link works once.");
    await expect(page).toHaveURL(/\/en\/pledge\/check-email\?resent=1$/);
    await expect(page.getByText(`We sent the link to ${email}`)).toBeVisible();
    // The resent link is the pledge's confirmation too, and opens the welcome.
    await openLatestLink(page, email, 2, "pledge");
    await expect(page).toHaveURL(/\/en\/dashboard\?welcome=1$/);
    await expect(page.getByText("Your pledge is confirmed. Thank you!")).toBeVisible();
    expect(await countPledgesFor(email)).toBe(1);
  });

  test("pledging again with a known address sends a fresh link and creates nothing twice", async ({
    page,
  }) => {
    const email = uniqueEmail("twice");
    for (let i = 1; i <= 2; i++) {
      await page.goto("/en/pledge");
      await fillPledge(page, email);
      await page.getByRole("button", { name: "Pledge and email me my link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      await waitForEmails(email, PLEDGE_MAIL, i);
    }
    expect(await countPledgesFor(email)).toBe(1);
    expect(await query("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(1);
  });

  test("a sign-in request for an address that never pledged looks the same and sends nothing", async ({
    page,
  }) => {
    const email = uniqueEmail("stranger");
    await page.goto("/en/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    expect(await query("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(0);
  });

  test("bad input gets a message next to each field and writes nothing", async ({ page }) => {
    await page.goto("/en/pledge");
    await page.getByRole("button", { name: "Pledge and email me my link" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Enter your email address.");
    await expect(summary).toContainText("Choose where you live from the list.");
    await expect(summary).toContainText("Choose at least one platform.");
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByLabel("First name").fill("<script>alert(1)</script>");
    await page.getByRole("button", { name: "Pledge and email me my link" }).click();
    await expect(page.getByText("Enter an email address like name@example.org.").first()).toBeVisible();
    await expect(page.getByText("Use letters, spaces, apostrophes and hyphens only.").first()).toBeVisible();
    expect(await query("SELECT 1 FROM users WHERE email = 'not-an-email'")).toHaveLength(0);
  });

  test("the server refuses bad input too (no JavaScript), and writes nothing", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = uniqueEmail("nojs");
    await page.goto("/en/pledge");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("First name").fill("<img src=x onerror=alert(1)>");
    await page.getByLabel("Where do you live?").selectOption({ label: "France" });
    await page.getByRole("button", { name: "Pledge and email me my link" }).click();
    await expect(page.getByText("Use letters, spaces, apostrophes and hyphens only.").first()).toBeVisible();
    await expect(page.getByText("Choose at least one platform.").first()).toBeVisible();
    expect(await query("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(0);
    await context.close();
  });

  test("too many links for one address: the person is told when to try again", async ({ page }) => {
    const email = uniqueEmail("limited");
    for (let i = 0; i < 3; i++) {
      await page.goto("/en/pledge");
      await fillPledge(page, email);
      await page.getByRole("button", { name: "Pledge and email me my link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    }
    await page.goto("/en/pledge");
    await fillPledge(page, email);
    await page.getByRole("button", { name: "Pledge and email me my link" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText(
      /Too many links requested\. Try again in 1[45] minutes\./,
    );
    expect(await countPledgesFor(email)).toBe(1);
  });

  test("a forged magic link is refused with a clear page", async ({ page }) => {
    const email = uniqueEmail("forged");
    await page.goto(`/en/sign-in/confirm?token=${"a".repeat(64)}&email=${encodeURIComponent(email)}`);
    await page.getByRole("button", { name: "Sign me in" }).click();
    await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
    expect(await query("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(0);
  });

  test("Auth.js's own sign-in endpoint is closed (links only go out through our forms)", async ({
    request,
  }) => {
    const response = await request.post("/api/auth/signin/email", { form: { email: uniqueEmail("bypass") } });
    expect(response.status()).toBe(404);
  });
});

test.describe("referrals", () => {
  test("a pledge through a personal link is attributed once verified", async ({ page, browser }) => {
    const referrer = uniqueEmail("referrer");
    await page.goto("/en/pledge");
    await fillPledge(page, referrer);
    await page.getByRole("button", { name: "Pledge and email me my link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const [{ referral_code: code } = { referral_code: "" }] = await query<{ referral_code: string }>(
      "SELECT referral_code FROM pledges p JOIN users u ON u.id = p.user_id WHERE u.email = $1",
      [referrer],
    );

    const friendContext = await browser.newContext();
    const friend = await friendContext.newPage();
    await friend.goto(`/r/${code}`);
    await expect(friend).toHaveURL(new RegExp(`/en/r/${code}$`));
    const cookie = (await friendContext.cookies()).find((c) => c.name === "ref");
    expect(cookie).toMatchObject({ value: code, httpOnly: true, sameSite: "Lax" });
    expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(29 * 24 * 3600);

    // The friend looks around and pledges on the ordinary pledge page: the cookie credits the link.
    const invitee = uniqueEmail("invitee");
    await friend.goto("/en");
    await friend.getByRole("link", { name: "Pledge to object" }).first().click();
    await expect(friend).toHaveURL(/\/en\/pledge$/);
    await fillPledge(friend, invitee);
    await friend.getByRole("button", { name: "Pledge and email me my link" }).click();
    await expect(friend.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await openLatestLink(friend, invitee, 1, "pledge");
    await expect(friend.getByText("Your pledge is confirmed. Thank you!")).toBeVisible();

    const [row] = await query<{ referrer: string }>(
      `SELECT ru.email AS referrer FROM pledges p JOIN users u ON u.id = p.user_id
       JOIN pledges r ON r.id = p.referred_by_id JOIN users ru ON ru.id = r.user_id WHERE u.email = $1`,
      [invitee],
    );
    expect(row?.referrer).toBe(referrer);
    const visits = await query<{ visits: number }>(
      "SELECT visits FROM referral_visits v JOIN pledges p ON p.id = v.pledge_id WHERE p.referral_code = $1",
      [code],
    );
    expect(visits[0]?.visits).toBe(1);
    await friendContext.close();
  });

  test("?ref=CODE remembers the referrer; unknown codes lead home without error", async ({
    page,
    context,
  }) => {
    await page.goto("/en?ref=abcdefghij");
    expect((await context.cookies()).find((c) => c.name === "ref")?.value).toBe("abcdefghij");
    const response = await page.goto("/r/unknown-code");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/en$/);
    const malformed = await page.goto("/r/%3Cscript%3E");
    expect(malformed?.status()).toBe(200);
  });
});
