import { expect, type Page, test } from "@playwright/test";
import { LOCALES } from "../../lib/i18n/locales";
import { uniqueEmail } from "./support/db";
import { emailsTo, linkIn, waitForEmails } from "./support/mailbox";
import { allMessageKeys, campaignName, messagesFor } from "./support/messages";

// Every language end to end: each public page in each language, the language chosen
// from the browser and then from the switcher, and a pledge in French and in German
// through the sign-in email to the dashboard.

const APP = process.env.APP_URL ?? `http://127.0.0.1:${process.env.TEST_APP_PORT ?? 3100}`;
const MESSAGE_KEYS = allMessageKeys();

/** Each public page and the text of its h1 in a language. */
const PAGES: { path: string; heading: (locale: string) => string }[] = [
  { path: "", heading: campaignName },
  { path: "/pledge", heading: (l) => messagesFor(l)("pledge.title") },
  { path: "/stats", heading: (l) => messagesFor(l)("stats.title") },
  { path: "/privacy", heading: (l) => messagesFor(l)("privacy.title") },
  { path: "/leaderboard", heading: (l) => messagesFor(l)("referrals.leaderboard.pageTitle") },
  { path: "/sign-in", heading: (l) => messagesFor(l)("auth.signIn.title") },
];

/** What a page shows where a message is missing: next-intl renders its full key. */
async function expectNoRawKeys(page: Page) {
  const attributes = await page.evaluate(() =>
    [...document.querySelectorAll("[aria-label], [title], [alt], [placeholder], meta[content]")].flatMap(
      (el) =>
        ["aria-label", "title", "alt", "placeholder", "content"].map((name) => el.getAttribute(name) ?? ""),
    ),
  );
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without the inline scripts' payload
  const text = await page.locator("body").innerText();
  const shown = [await page.title(), text, ...attributes].join("\n");
  expect(shown).not.toContain("MISSING_MESSAGE");
  expect(MESSAGE_KEYS.filter((key) => shown.includes(key))).toEqual([]);
}

// A fresh server loads each route's code on its first request, which on a busy machine
// can take most of a test's 30 s: pay that once per worker, outside the tests.
test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  const routes = [
    ...PAGES.map((p) => `/en${p.path}`),
    "/embed/counter",
    "/en/sign-in/confirm",
    "/en/dashboard",
  ];
  for (const route of routes)
    expect((await request.get(route, { maxRedirects: 0 })).status()).toBeLessThan(500);
});

test.describe("every public page in every language", () => {
  // What the server renders is what these check (client components render on the
  // server too, with the same messages): no scripts keeps these many page loads cheap.
  test.use({ javaScriptEnabled: false });

  for (const locale of LOCALES)
    for (const { path, heading } of PAGES)
      test(`/${locale}${path}`, async ({ page }) => {
        await page.goto(`/${locale}${path}`, { waitUntil: "domcontentloaded" });
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        const h1 = page.getByRole("heading", { level: 1 });
        await expect(h1).toHaveText(heading(locale));
        if (locale !== "en") await expect(h1).not.toHaveText(heading("en"));
        await expectNoRawKeys(page);
        const hreflangs = await page
          .locator("link[rel=alternate][hreflang]")
          .evaluateAll((links) => links.map((link) => link.getAttribute("hreflang")));
        expect(hreflangs.toSorted()).toEqual([...LOCALES, "x-default"].toSorted());
      });

  // The counter has no locale prefix: ?lang= picks its language. Its root layout cannot
  // read the query string, so the page marks its content's language itself.
  for (const locale of LOCALES)
    test(`/embed/counter?lang=${locale}`, async ({ page }) => {
      await page.goto(`/embed/counter?lang=${locale}`, { waitUntil: "domcontentloaded" });
      await expect(page.locator("main")).toHaveAttribute("lang", locale);
      const h1 = page.getByRole("heading", { level: 1 });
      await expect(h1).toHaveText(campaignName(locale));
      if (locale !== "en") await expect(h1).not.toHaveText(campaignName("en"));
      await expect(page.getByRole("link", { name: messagesFor(locale)("stats.embedCta") })).toHaveAttribute(
        "href",
        new RegExp(`/${locale}/pledge$`),
      );
      await expectNoRawKeys(page);
    });
});

test.describe("choosing the language", () => {
  test.use({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de;q=0.9" } });

  test("the first visit follows the browser's language", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/de$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
  });

  test("the switcher keeps the page, and the choice is remembered", async ({ page }) => {
    await page.goto("/de/pledge");
    const header = page.getByRole("banner");
    await header.locator("summary").click();
    await header.getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(/\/fr\/pledge$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(messagesFor("fr")("pledge.title"));
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");

    await page.goto("/");
    await expect(page).toHaveURL(/\/fr$/);
  });
});

// One journey per language, in three short steps that share the address and its link.
for (const locale of ["fr", "de"] as const) {
  test.describe(`pledge to dashboard in ${locale}`, () => {
    test.describe.configure({ mode: "serial" });
    const t = messagesFor(locale);
    const en = messagesFor("en");
    const email = uniqueEmail(`i18n-${locale}`);
    let link = "";

    test("the pledge form in the page's language", async ({ page }) => {
      await page.goto(`/${locale}/pledge`);
      await page.getByLabel(t("pledge.form.email")).fill(email);
      const country = new Intl.DisplayNames([locale], { type: "region" }).of("DE")!;
      await page.getByLabel(t("pledge.form.country")).selectOption({ label: country });
      await page.getByRole("checkbox", { name: "Facebook" }).check();
      await page.getByRole("button", { name: t("pledge.form.submit") }).click();
      await expect(page.getByRole("heading", { level: 1, name: t("pledge.checkEmail.title") })).toBeVisible();
    });

    test("the pledge's confirmation email in that language", async () => {
      // A new pledge's link is its confirmation, in the campaign's name in that language.
      const subject = t("emails.confirmPledge.subject", { campaign: campaignName(locale) });
      const [mail] = await waitForEmails(email, new RegExp(escapeRegExp(subject)));
      expect(mail!.subject).toBe(subject);
      expect(mail!.subject).not.toBe(en("emails.confirmPledge.subject", { campaign: campaignName("en") }));
      expect(mail!.text).toContain(t("emails.confirmPledge.intro"));
      expect(mail!.text).not.toContain(en("emails.confirmPledge.intro"));
      expect(mail!.html).toContain(`lang="${locale}"`);
      expect(await emailsTo(email)).toHaveLength(1);
      link = linkIn(mail!, `${APP}/${locale}/sign-in/confirm`);
    });

    test("the link signs in to the dashboard in that language", async ({ page }) => {
      expect(link).not.toBe("");
      // A plain form: its button works before the page's scripts have loaded.
      await page.goto(link, { waitUntil: "domcontentloaded" });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("auth.confirm.pledgeTitle"));
      await page.getByRole("button", { name: t("auth.confirm.pledgeSubmit") }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard(\\?|$)`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("dashboard.title"));
      await expect(page.getByText(t("dashboard.welcome"))).toBeVisible();
      await expect(page.getByText(t("dashboard.signedInAs", { email }))).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
    });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
