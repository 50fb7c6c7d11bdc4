import { expect, test } from "@playwright/test";
import { PAGE_EXPIRE_SECONDS } from "@/lib/http/page-cache";
import { API_CSP } from "@/lib/security/csp";
import { expectNoAxeViolations } from "./support/axe";
import { messagesFor } from "./support/messages";

test.describe("landing page", () => {
  test("redirects / to the visitor's language", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/en$/);
  });

  test("explains the campaign and links to every official form @phone", async ({ page }) => {
    await page.goto("/en");
    await expect(page.getByRole("heading", { level: 1, name: "Say no to Meta AI training" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "What Meta takes" })).toBeVisible();
    await expect(page.getByText("Your public comments and reactions")).toBeVisible();
    await expect(page.getByRole("heading", { name: "What it says it leaves out" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Why it matters" })).toBeVisible();

    // The deadline (27 May 2025) has passed on today's clock: the message says objecting still helps.
    await expect(
      page.getByRole("heading", { name: /objecting still protects what you publish from now on/ }),
    ).toBeVisible();
    // Every reminder is past too: the pledge section promises none.
    await expect(
      page.getByText(/keep track of what you have filed and what Meta has confirmed\.$/),
    ).toBeVisible();
    await expect(page.getByText(/remind you/)).toHaveCount(0);

    for (const [platform, url] of [
      ["Facebook", "https://www.facebook.com/help/contact/712876720715583"],
      ["Instagram", "https://help.instagram.com/contact/767264225370182"],
      ["WhatsApp", "https://www.whatsapp.com/contact/forms/382532939919295/"],
    ] as const) {
      const link = page.getByRole("link", { name: `Open the ${platform} form (opens in a new tab)` });
      await expect(link).toHaveAttribute("href", url);
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
      await expect(link).toHaveAttribute("target", "_blank");
    }
    await expect(page.getByRole("link", { name: "Pledge to object" }).first()).toHaveAttribute(
      "href",
      "/en/pledge",
    );
  });

  test("shows how many have pledged in the top section, from the server's HTML @phone", async ({ page }) => {
    // The version prerendered by `next build` has no figures (no database then); the
    // first request after it is older than PAGE_EXPIRE_SECONDS renders them.
    test.setTimeout(PAGE_EXPIRE_SECONDS * 3000 + 60_000);
    await expect(async () => {
      const response = await page.request.get("/en");
      expect(await response.text()).toMatch(/(people have|person has) pledged to object so far/);
    }).toPass({ timeout: PAGE_EXPIRE_SECONDS * 3000 });
    await page.goto("/en");
    const hero = page.locator("section").filter({ has: page.getByRole("heading", { level: 1 }) });
    await expect(hero.getByText(/(people have|person has) pledged to object so far/)).toBeVisible();
    await expect(hero.locator("p").filter({ hasText: "pledged to object so far" })).toHaveText(
      /^\d[\d,]* (people have|person has) pledged to object so far$/,
    );
    await expect(hero.getByRole("link", { name: "See all the campaign figures" })).toHaveAttribute(
      "href",
      "/en/stats",
    );
  });

  test("says how it works in three steps, and its reasons read as text, not as buttons @phone", async ({
    page,
  }) => {
    await page.goto("/en");
    const how = page.getByRole("region", { name: "How it works" });
    const steps = how.getByRole("listitem");
    await expect(steps).toHaveCount(3);
    await expect(how.getByRole("heading", { level: 3 })).toHaveText([
      "Pledge to object",
      "Follow the guide to each official form",
      "Tell us it's filed, and invite friends",
    ]);
    // The drawings are decoration: hidden from assistive technology, nothing to load.
    await expect(how.locator("svg")).toHaveCount(3);
    for (const icon of await how.locator("svg").all())
      await expect(icon).toHaveAttribute("aria-hidden", "true");

    const reasons = page.getByRole("region", { name: "Why it matters" }).getByRole("listitem");
    await expect(reasons.first()).toBeVisible();
    for (const reason of await reasons.all()) {
      await expect(reason).toHaveCSS("border-top-width", "0px");
      await expect(reason).toHaveCSS("cursor", "auto");
    }
  });

  test("has no accessibility violations @phone", async ({ page }) => {
    await page.goto("/en");
    await expectNoAxeViolations(page, { tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
  });

  test("is keyboard navigable, starting with a skip link", async ({ page }) => {
    await page.goto("/en");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("makes no request to another origin", async ({ page, baseURL }) => {
    const origins = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith("http")) origins.add(url.origin);
    });
    await page.goto("/en", { waitUntil: "load" });
    // Hydration and link prefetching happen after load: let them run.
    await page.getByRole("link", { name: "Pledge to object" }).first().hover();
    await expect(page.locator("html[lang=en]")).toBeVisible();
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
  });

  test("answers an unknown page with a 404 page of its own title, in the page's language", async ({
    page,
  }) => {
    const response = await page.goto("/en/this-does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Object to AI training");

    const de = messagesFor("de");
    expect((await page.goto("/de/gibt-es-nicht/auch-nicht"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: de("errors.notFoundTitle") })).toBeVisible();
    await expect(page).toHaveTitle(`${de("errors.notFoundTitle")} · ${de("meta.siteName")}`);

    // Outside any language (a path the proxy skips): the plain page, titled too.
    expect((await page.goto("/no-such-file.txt"))?.status()).toBe(404);
    await expect(page).toHaveTitle("Page not found · Object to AI training");
  });

  test("serves its icons, and every page links them", async ({ page, request }) => {
    for (const [path, type] of [
      ["/favicon.ico", "image/x-icon"],
      ["/icon.svg", "image/svg+xml"],
      ["/apple-icon.png", "image/png"],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toContain(type);
      expect((await response.body()).length, path).toBeGreaterThan(100);
      // Files skip proxy.ts (its matcher leaves out paths with a dot): next.config.ts gives them their headers.
      expect(response.headers()["content-security-policy"], path).toBe(API_CSP);
      expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    }
    await page.goto("/en/stats");
    await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="apple-touch-icon"][href^="/apple-icon.png"]')).toHaveCount(1);
    // The header's mark is drawn inline, beside the site's name, and says nothing itself.
    const home = page.getByRole("banner").getByRole("link", { name: "Object to AI training" });
    await expect(home.locator('svg[aria-hidden="true"]')).toHaveCount(1);
  });
});
