import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";

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

  test("answers an unknown page with a 404 page", async ({ page }) => {
    const response = await page.goto("/en/this-does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
