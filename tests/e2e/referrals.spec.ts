import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { PAGE_EXPIRE_SECONDS } from "@/lib/http/page-cache";
import { signedInPerson } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { query, uniqueEmail } from "./support/db";
import { linkIn, waitForEmails } from "./support/mailbox";

const APP = process.env.APP_URL ?? `http://127.0.0.1:${process.env.TEST_APP_PORT ?? 3100}`;

async function fillPledge(page: Page, email: string, name: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("First name").fill(name);
  await page.getByLabel("Where do you live?").selectOption({ label: "Germany" });
  await page.getByRole("checkbox", { name: "Facebook" }).check();
}

/** A new visitor opens `link`, pledges through the invitation's form and confirms by email. */
async function pledgeThrough(browser: Browser, link: string, email: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/en\/r\/[A-Za-z0-9_-]+$/);
  await fillPledge(page, email, name);
  await page.getByRole("button", { name: "Pledge and email me my link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const [mail] = await waitForEmails(email, /^Confirm your pledge: /, 1);
  await page.goto(linkIn(mail!, `${APP}/en/sign-in/confirm`));
  await page.getByRole("button", { name: "Confirm my pledge" }).click();
  await expect(page.getByText("Your pledge is confirmed. Thank you!")).toBeVisible();
  const url = await page.getByRole("textbox", { name: "Your personal link" }).inputValue();
  await context.close();
  return url;
}

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] dd`);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
async function pngSize(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const bytes = await response.body();
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe("referrals and sharing", () => {
  test("A shares, B pledges through it, B invites C: A sees counts only", async ({
    page,
    context,
    browser,
  }) => {
    test.setTimeout(120_000);
    const a = await signedInPerson(context, { firstName: "Ada" });
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(APP) && !request.url().startsWith("data:")) outside.push(request.url());
    });

    await page.goto("/en/dashboard#invite");
    const card = page.getByRole("region", { name: "Invite your friends" });
    await expect(card).toBeVisible();
    const link = card.getByRole("textbox", { name: "Your personal link" });
    await expect(link).toHaveValue(`${APP}/r/${a.referralCode}`);
    const whatsapp = card.getByRole("link", { name: /Share on WhatsApp/ });
    await expect(whatsapp).toHaveAttribute(
      "href",
      new RegExp(`^https://wa\\.me/\\?text=.*${encodeURIComponent(`${APP}/r/${a.referralCode}`)}`),
    );
    // Nothing filed yet: the message says "pledged", not "objected".
    await expect(whatsapp).toHaveAttribute("href", new RegExp(encodeURIComponent("I pledged to object")));
    // WhatsApp and "Copy link" lead; everything else is folded away.
    await expect(whatsapp).toBeVisible();
    await expect(card.getByRole("button", { name: "Copy link" })).toBeVisible();
    await expect(card.getByRole("link", { name: /Share on Telegram/ })).toBeHidden();
    await expect(card.getByLabel("Your Mastodon server")).toBeHidden();
    await card.getByText("More ways to share: other apps, Signal, Mastodon, QR code").click();
    for (const service of ["Telegram", "Email", "X", "Bluesky", "LinkedIn"]) {
      await expect(card.getByRole("link", { name: new RegExp(`Share on ${service}`) })).toBeVisible();
    }
    // Messenger's link opens its app: not offered on a desktop, where it did nothing.
    await expect(card.getByRole("link", { name: /Messenger/ })).toHaveCount(0);
    await expect(card.getByRole("img", { name: "QR code of your personal link" })).toBeVisible();
    await expect(figure(page, "verified")).toHaveText("0");
    await card.getByText("What your link achieved, badges, and your name").click();
    await expectNoAxeViolations(page, { include: "#invite" });

    // Copy works from the keyboard and says so.
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await card.getByRole("button", { name: "Copy link" }).focus();
    await page.keyboard.press("Enter");
    await expect(card.getByRole("status").filter({ hasText: "Link copied." })).toBeVisible();

    // Mastodon asks for the instance and refuses a bad one.
    await card.getByLabel("Your Mastodon server").fill("not a server");
    await card.getByRole("button", { name: "Share on Mastodon" }).click();
    await expect(card.getByText("Enter the name of your server, like mastodon.social.")).toBeVisible();

    // A chooses to show their first name on previews.
    await card.getByRole("checkbox", { name: "Show my first name when my link is shared" }).check();
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByText("Saved.")).toBeVisible();

    const bEmail = uniqueEmail("friend-b");
    const bLink = await pledgeThrough(browser, `/r/${a.referralCode}`, bEmail, "Bertram");
    expect(bLink).toMatch(/\/r\/[A-Za-z0-9]{10}$/);

    await page.reload();
    // One friend: small counts say "fewer than 3", so A cannot tell what B did.
    await expect(figure(page, "visits")).toHaveText("fewer than 3");
    await expect(page.locator('[data-figure="pledged"]')).toHaveCount(0);
    await expect(figure(page, "verified")).toHaveText("fewer than 3");
    await expect(figure(page, "objected")).toHaveText("0");
    await expect(figure(page, "friends-of-friends")).toHaveText("0");
    await page.getByText("What your link achieved, badges, and your name").click();
    await expect(page.getByText("3 friends confirmed: not yet")).toBeVisible();

    const cEmail = uniqueEmail("friend-c");
    await pledgeThrough(browser, new URL(bLink).pathname, cEmail, "Cordula");
    await page.reload();
    await expect(figure(page, "friends-of-friends")).toHaveText("fewer than 3");
    await expect(figure(page, "verified")).toHaveText("fewer than 3");

    // Nothing about B or C reaches A.
    const html = await page.content();
    for (const secret of [bEmail, cEmail, "Bertram", "Cordula", new URL(bLink).pathname]) {
      expect(html).not.toContain(secret);
    }
    expect(outside).toEqual([]);
  });

  test("the leaderboard is opt-in, shows names as plain text, and can be left", async ({
    page,
    context,
    browser,
  }) => {
    // About 30 s, plus up to twice the cache's freshness bound while the page catches up.
    test.setTimeout(90_000 + 2 * 3 * PAGE_EXPIRE_SECONDS * 1000);
    const a = await signedInPerson(context);
    await pledgeThrough(browser, `/r/${a.referralCode}`, uniqueEmail("lb-friend"), "Lena");
    const name = `<b>Ada</b> ${a.referralCode}`;

    await page.goto("/en/leaderboard");
    await expect(page.getByRole("heading", { level: 1, name: "Leaderboard" })).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);

    await page.goto("/en/dashboard#invite");
    await page.getByText("What your link achieved, badges, and your name").click();
    const card = page.getByRole("region", { name: "Public leaderboard" });
    await card.getByLabel("Display name").fill("admin");
    await card.getByRole("button", { name: "Join the leaderboard" }).click();
    await expect(card.getByText("Choose another name: this one is not allowed.")).toBeVisible();
    await expect(card.getByLabel("Display name")).toHaveAttribute("aria-invalid", "true");

    await card.getByLabel("Display name").fill(name);
    await card.getByRole("button", { name: "Join the leaderboard" }).click();
    await expect(
      card.getByRole("status").filter({ hasText: `You are on the leaderboard as “${name}”.` }),
    ).toBeVisible();
    const [row] = await query<{ leaderboard_name: string }>(
      "SELECT leaderboard_name FROM pledges WHERE id = $1",
      [a.pledgeId],
    );
    expect(row?.leaderboard_name).toBe(name);

    // The leaderboard is a cached page: a change shows within the cache's freshness
    // bound (lib/http/page-cache.ts), not always on the very next request (a
    // revalidation begun before the change may land after it).
    const entry = page.getByRole("rowheader", { name });
    await expect(async () => {
      await page.goto("/en/leaderboard");
      await expect(entry).toHaveText(name, { timeout: 1_000 });
    }).toPass({ timeout: 3 * PAGE_EXPIRE_SECONDS * 1000, intervals: [1_000] });
    await expect(entry.locator("b")).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto("/en/dashboard#invite");
    await page.getByText("What your link achieved, badges, and your name").click();
    await page.getByRole("button", { name: "Leave the leaderboard" }).click();
    await expect(page.getByText("You left the leaderboard.")).toBeVisible();
    await expect(async () => {
      await page.goto("/en/leaderboard");
      await expect(page.getByText(name)).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 3 * PAGE_EXPIRE_SECONDS * 1000, intervals: [1_000] });
  });

  test("link previews: landing and personal link images are 1200x630 PNGs with the right tags", async ({
    page,
    request,
    context,
  }) => {
    await page.goto("/en");
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
    const twitterImage = await page.locator('meta[name="twitter:image"]').getAttribute("content");
    expect(ogImage).toBeTruthy();
    expect(twitterImage).toBeTruthy();
    expect(await pngSize(request, ogImage!)).toEqual({ width: 1200, height: 630 });
    expect(await pngSize(request, twitterImage!)).toEqual({ width: 1200, height: 630 });

    const named = await signedInPerson(context, { firstName: "Ada" });
    await query("UPDATE pledges SET show_first_name_on_share = true WHERE id = $1", [named.pledgeId]);
    const anonymous = await signedInPerson(context, { firstName: "Zed" });

    // Link previews follow the link to its invitation page and read its head, scripts or not.
    const link = await request.get(`/r/${named.referralCode}`, { maxRedirects: 0 });
    expect(link.status()).toBe(307);
    expect(link.headers().location).toBe(`${APP}/en/r/${named.referralCode}`);
    const preview = await request.get(`/r/${named.referralCode}`);
    expect(preview.status()).toBe(200);
    const html = await preview.text();
    const meta = (key: string) =>
      new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1] ?? null;
    expect(meta("og:url")).toBe(`${APP}/r/${named.referralCode}`);
    expect(meta("og:title")).toMatch(/^Ada invites you to object/);
    expect(meta("twitter:card")).toBe("summary_large_image");
    expect(meta("twitter:title")).toMatch(/^Ada invites you to object/);
    const image = meta("og:image");
    expect(image).toBe(`${APP}/r/${named.referralCode}/image`);
    expect(meta("twitter:image")).toBe(image);
    expect(await pngSize(request, image!)).toEqual({ width: 1200, height: 630 });

    const other = await (await request.get(`/r/${anonymous.referralCode}`)).text();
    expect(other).toMatch(/<meta property="og:title" content="You are invited to object/);
    expect(other).not.toContain("Zed");

    // Unknown and malformed codes: straight to the landing page; their image is the generic one.
    const unknown = await request.get("/r/zzzzzzzzzz", { maxRedirects: 0 });
    expect(unknown.status()).toBe(303);
    expect(unknown.headers().location).toBe(`${APP}/`);
    expect(await pngSize(request, "/r/%3Cscript%3E/image")).toEqual({ width: 1200, height: 630 });
    const malformed = await page.goto("/r/%3Cb%3Ex%3C%2Fb%3E");
    expect(malformed?.status()).toBe(200);
    await expect(page).toHaveURL(/\/en$/);
  });
});
