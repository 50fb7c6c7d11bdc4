import { readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIResponse, type Browser, expect, type Page, test } from "@playwright/test";
import { PAGE_EXPIRE_SECONDS, PAGE_REVALIDATE_SECONDS } from "@/lib/http/page-cache";
import { inlineScriptHashes } from "@/lib/security/script-hashes.mjs";
import { signedInPerson } from "./support/auth";
import { expectServedFromCache } from "./support/cache";
import { query, uniqueEmail } from "./support/db";

// The invitation a personal link opens: /r/CODE counts the visit, leaves the referral
// cookie and sends the visitor to /<locale>/r/CODE, a cached page that is the same for
// everyone, names the inviter only if they chose so, and pledges on the spot.

const APP = process.env.APP_URL ?? `http://127.0.0.1:${process.env.TEST_APP_PORT ?? 3100}`;
const DIST = process.env.NEXT_DIST_DIR ?? ".next";
const SUBMIT = "Pledge and email me my link";

/** Someone with a personal link, seeded in a context of their own: visitors come fresh. */
async function inviter(browser: Browser, options: { firstName?: string; showFirstName?: boolean } = {}) {
  const context = await browser.newContext();
  const person = await signedInPerson(context, { firstName: options.firstName });
  await context.close();
  if (options.showFirstName)
    await query("UPDATE pledges SET show_first_name_on_share = true WHERE id = $1", [person.pledgeId]);
  return person;
}

async function visitsTo(code: string): Promise<number> {
  const [row] = await query<{ n: string | null }>(
    `SELECT sum(v.visits)::text AS n FROM referral_visits v JOIN pledges p ON p.id = v.pledge_id
     WHERE p.referral_code = $1`,
    [code],
  );
  return Number(row?.n ?? 0);
}

/** The code of whoever the pledge of `email` credits, or null. */
async function referrerOf(email: string): Promise<string | null> {
  const [row] = await query<{ code: string }>(
    `SELECT r.referral_code AS code FROM pledges p JOIN users u ON u.id = p.user_id
     JOIN pledges r ON r.id = p.referred_by_id WHERE u.email = $1`,
    [email],
  );
  return row?.code ?? null;
}

async function pledgeHere(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Where do you live?").selectOption({ label: "Austria" });
  await page.getByRole("checkbox", { name: "Instagram" }).check();
  await page.getByRole("button", { name: SUBMIT }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

function scriptSrc(csp: string): string {
  return csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
}

/** One policy, naming each inline script of this very response by its hash; no nonce, no inline. */
async function expectHashPolicy(response: APIResponse) {
  const policies = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(policies).toHaveLength(1);
  const csp = policies[0]!.value;
  expect(scriptSrc(csp)).not.toMatch(/'nonce-|'unsafe-inline'|'strict-dynamic'/);
  expect(csp).not.toContain("'unsafe-eval'");
  const allowed = new Set([...scriptSrc(csp).matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]));
  const inline = inlineScriptHashes(await response.text());
  expect(inline.length).toBeGreaterThan(0);
  expect(inline.filter((hash) => !allowed.has(hash))).toEqual([]);
}

/** A response served from the ISR cache, CDN-cacheable, under its hash policy. */
async function expectCachedWithHashPolicy(response: APIResponse) {
  const headers = response.headers();
  expectServedFromCache(headers);
  expect(headers["cache-control"]).toBe(
    `s-maxage=${PAGE_REVALIDATE_SECONDS}, stale-while-revalidate=${PAGE_EXPIRE_SECONDS - PAGE_REVALIDATE_SECONDS}`,
  );
  await expectHashPolicy(response);
}

/** Files under the build's server folder whose name contains `text` (cached pages live there). */
function serverFilesNamed(text: string, dir = path.resolve(DIST, "server")): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...serverFilesNamed(text, full));
    else if (entry.name.includes(text)) found.push(full);
  }
  return found;
}

test.describe("invitation page", () => {
  test("names the inviter only if they chose so, shows the pledges so far, in the site's look @phone", async ({
    page,
    browser,
  }) => {
    const named = await inviter(browser, { firstName: "Ada", showFirstName: true });
    const unnamed = await inviter(browser, { firstName: "Zed" });

    await page.goto(`/r/${named.referralCode}`);
    await expect(page).toHaveURL(`${APP}/en/r/${named.referralCode}`);
    const heading = "Ada invites you to object to Meta training AI on your posts";
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page).toHaveTitle("Ada invites you to object to Meta training AI");
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeAttached();
    const hero = page.getByRole("region", { name: heading });
    await expect(
      hero.getByText("Whoever invited you only sees how many people pledged, never who."),
    ).toBeVisible();
    // The confirmed pledges, from the public figures (0 only if the figures were read
    // before anyone had confirmed, which the phrase then says instead).
    await expect(hero.getByText(/pledged so far\.|Be one of the first to pledge\./)).toBeVisible();
    const figure = hero.locator('[data-figure="pledged"]');
    if ((await figure.count()) > 0)
      expect(Number(((await figure.textContent()) ?? "").replace(/\D/g, ""))).toBeGreaterThan(0);
    await expect(page.getByRole("button", { name: SUBMIT })).toBeVisible();
    await expect(page.getByRole("link", { name: "More about the campaign" })).toHaveAttribute("href", "/en");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.goto(`/r/${unnamed.referralCode}`);
    await expect(
      page.getByRole("heading", {
        level: 1,
        name: "You are invited to object to Meta training AI on your posts",
      }),
    ).toBeVisible();
    expect(await page.content()).not.toContain("Zed");
  });

  test("speaks the visitor's language: browser first, then the inviter's", async ({ browser, request }) => {
    const named = await inviter(browser, { firstName: "Ada", showFirstName: true });
    const german = await browser.newContext({ locale: "de-DE" });
    const page = await german.newPage();
    await page.goto(`/r/${named.referralCode}`);
    await expect(page).toHaveURL(`${APP}/de/r/${named.referralCode}`);
    await expect(
      page.getByRole("heading", {
        level: 1,
        name: "Ada lädt Sie ein, dem KI-Training von Meta mit Ihren Beiträgen zu widersprechen",
      }),
    ).toBeVisible();
    await german.close();

    // No language the app speaks, or none at all (link previews): the inviter's.
    await query("UPDATE pledges SET locale = 'pl' WHERE id = $1", [named.pledgeId]);
    for (const headers of [{ "accept-language": "sv-SE,sv;q=0.9" }, { "accept-language": "" }]) {
      const response = await request.get(`/r/${named.referralCode}`, { headers, maxRedirects: 0 });
      expect(response.headers().location).toBe(`${APP}/pl/r/${named.referralCode}`);
    }
  });

  test("counts a visit each time the link is opened, never when the page itself is", async ({
    browser,
    page,
  }) => {
    const person = await inviter(browser);
    const link = await page.request.get(`/r/${person.referralCode}`, { maxRedirects: 0 });
    expect(link.status()).toBe(307);
    expect(link.headers()["cache-control"]).toBe("private, no-store");
    expect(link.headers()["set-cookie"]).toMatch(new RegExp(`^ref=${person.referralCode};`));
    expect(await visitsTo(person.referralCode)).toBe(1);

    await page.goto(`/r/${person.referralCode}`);
    expect(await visitsTo(person.referralCode)).toBe(2);
    await page.reload();
    await page.goto(`/fr/r/${person.referralCode}`);
    await expect(page.getByRole("button", { name: "M’engager et recevoir mon lien" })).toBeVisible();
    expect(await visitsTo(person.referralCode)).toBe(2);
  });

  test("is the same cached HTML for every visitor, under a hash CSP", async ({ browser, request }) => {
    const person = await inviter(browser, { firstName: "Ada", showFirstName: true });
    const pagePath = `/en/r/${person.referralCode}`;
    // The first request renders it into the cache, and already gets the policy of what it rendered.
    const rendered = await request.get(pagePath);
    expect(rendered.status()).toBe(200);
    await expectHashPolicy(rendered);
    const first = await request.get(pagePath, { maxRedirects: 0 });
    expect(first.status()).toBe(200);
    await expectCachedWithHashPolicy(first);
    expect(first.headers()["set-cookie"]).toBeUndefined();
    // A real invitation is kept on disk like any cached page (made-up ones are not: below).
    await expect.poll(() => serverFilesNamed(person.referralCode).length).toBeGreaterThan(0);

    // Someone else: signed in, invited by someone else before, with another language
    // remembered, opening the shared link itself.
    const other = await browser.newContext();
    await signedInPerson(other);
    await other.addCookies([
      { name: "ref", value: "someoneelse", url: APP },
      { name: "NEXT_LOCALE", value: "en", url: APP },
    ]);
    const theirs = await other.request.get(`/r/${person.referralCode}`, {
      headers: { "accept-language": "it" },
    });
    expect(theirs.url()).toBe(`${APP}${pagePath}`);
    await expectCachedWithHashPolicy(theirs);
    const again = await request.get(pagePath);
    // The same document (or the next revalidation of it, if one fell in between).
    expect([await first.text(), await again.text()]).toContain(await theirs.text());
    await other.close();
  });

  test("hydrates under its policy: no CSP violation, the form checks input in the browser", async ({
    browser,
    page,
  }) => {
    const person = await inviter(browser);
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`/r/${person.referralCode}`);
    // The first load's own prefetches are over before listening for the second's.
    await page.waitForLoadState("networkidle");
    // React took over: a hydrated <Link> in the header prefetches its page's RSC payload.
    // Listened for before the reload: the prefetch may come as soon as React hydrates
    // (the link in view), before the hover, on a loaded machine even before reload() returns.
    const rsc = page.waitForRequest((request) => request.headers().rsc === "1");
    // Twice: the second is served from the cache, with its stamped policy.
    await page.reload();
    await page.locator("header").getByRole("link").first().hover();
    await rsc;
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.getByRole("button", { name: SUBMIT }).click();
    // Only the hydrated form's own check answers an empty form without posting it.
    await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByText("Choose at least one platform.").first()).toBeVisible();
    expect(posts).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("a pledge made there credits the inviter, without JavaScript and without the cookie", async ({
    browser,
  }) => {
    const person = await inviter(browser);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/r/${person.referralCode}`);
    await expect(page).toHaveURL(`${APP}/en/r/${person.referralCode}`);
    await context.clearCookies();
    const email = uniqueEmail("invited-nojs");
    await pledgeHere(page, email);
    expect(await referrerOf(email)).toBe(person.referralCode);
    await context.close();
  });

  test("the invitation's own code wins over an older cookie", async ({ browser }) => {
    const first = await inviter(browser);
    const second = await inviter(browser);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/r/${first.referralCode}`);
    // Later the visitor opens another invitation without its link (a page they kept).
    await page.goto(`/en/r/${second.referralCode}`);
    const email = uniqueEmail("invited-twice");
    await pledgeHere(page, email);
    expect(await referrerOf(email)).toBe(second.referralCode);
    await context.close();
  });

  test("unknown and malformed codes land on the landing page, and leave nothing in the cache", async ({
    page,
  }) => {
    const madeUp = `zz${Date.now().toString(36)}`;
    for (const address of [`/r/${madeUp}`, `/en/r/${madeUp}`, "/r/%3Cscript%3E"]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(200);
      await expect(page, address).toHaveURL(`${APP}/en`);
      await expect(page.getByRole("heading", { level: 1, name: "Say no to Meta AI training" })).toBeVisible();
    }
    // Twice more, once from the cache if it kept it: made-up paths must not fill the disk.
    await page.goto(`/en/r/${madeUp}`);
    await expect(page).toHaveURL(`${APP}/en`);
    expect(serverFilesNamed(madeUp)).toEqual([]);
  });
});
