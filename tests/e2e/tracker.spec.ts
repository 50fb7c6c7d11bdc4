import { expect, type Page, test } from "@playwright/test";
import { signedInPerson } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { query } from "./support/db";

// The objection tracker, from a fresh pledge to "all done", with the guides alone.
// The bundled campaign's deadline (27 May 2025) has passed, so the dashboard shows the
// "still protects what you publish from now on" guidance; unit and integration tests
// cover both sides of the deadline with a moved clock.

const account = (page: Page, name: string) => page.getByRole("article", { name });

/** Opens the folded questionnaire ("More than one account?") under the checklist. */
async function openQuestionnaire(page: Page) {
  await page.getByText("More than one account, or another platform?").click();
  await expect(page.getByRole("button", { name: "Save my answers" })).toBeVisible();
}

/** Opens an account form's folded date and note fields. */
async function openDetails(card: ReturnType<typeof account>, index = 0) {
  await card.getByText("Did it on another day? Add the date or a note").nth(index).click();
}

async function answerQuestionnaire(page: Page, options: { email?: string } = {}) {
  await openQuestionnaire(page);
  for (const name of ["Facebook", "Instagram", "WhatsApp"]) {
    await expect(page.getByRole("checkbox", { name })).toBeChecked();
  }
  await page.getByLabel("How many Facebook accounts do you have?").selectOption("1");
  if (options.email) await page.getByLabel("Email used by Facebook account 1").fill(options.email);
  await page.getByRole("radio", { name: "Yes, they are linked" }).check();
  await page.getByRole("button", { name: "Save my answers" }).click();
  // The checklist is on the page already: wait for the answers to be saved.
  await expect(page.getByText("Your answers are saved and your checklist is up to date.")).toBeVisible();
}

async function statusRows(userId: string) {
  return query<{ platform: string; account_index: number; status: string; covered: boolean }>(
    `SELECT platform, account_index, status::text AS status, covered_by_id IS NOT NULL AS covered
     FROM submissions WHERE user_id = $1 ORDER BY platform, account_index`,
    [userId],
  );
}

test.describe("objection tracker", () => {
  test("from pledge to all done with the guides alone @phone", async ({ page, context }) => {
    // The longest journey (three platforms, every step, axe on the way): 30-46 s on a
    // loaded 2-core machine, so it gets four times that.
    test.setTimeout(180_000);
    const person = await signedInPerson(context, { platforms: ["facebook", "instagram", "whatsapp"] });
    await page.goto("/en/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "My objections" })).toBeVisible();
    await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // No second questionnaire: the checklist is built from the pledge at once, one
    // account per platform, the first guide open, every card tagged.
    await expect(page.getByRole("heading", { name: "Your checklist" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "First, tell us about your accounts" })).toHaveCount(0);
    expect(await statusRows(person.userId)).toEqual([
      { platform: "facebook", account_index: 1, status: "NOT_STARTED", covered: false },
      { platform: "instagram", account_index: 1, status: "NOT_STARTED", covered: false },
      { platform: "whatsapp", account_index: 1, status: "NOT_STARTED", covered: false },
    ]);
    await expect(
      page.getByRole("region", { name: "Facebook" }).getByText("Next", { exact: true }),
    ).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Instagram" }).getByText("To do", { exact: true }).first(),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Save my answers" })).toBeHidden();
    await expect(page.getByLabel("Date you submitted it").first()).toBeHidden();
    await expectNoAxeViolations(page);

    await answerQuestionnaire(page, { email: "ada@example.org" });
    expect(await statusRows(person.userId)).toEqual([
      { platform: "facebook", account_index: 1, status: "NOT_STARTED", covered: false },
      { platform: "instagram", account_index: 1, status: "NOT_STARTED", covered: true },
      { platform: "whatsapp", account_index: 1, status: "NOT_STARTED", covered: false },
    ]);

    // At a glance: how many, how far, and what the deadline means now.
    const progress = page.getByRole("progressbar", { name: "Objections filed" });
    await expect(progress).toHaveAttribute("max", "2");
    await expect(progress).toHaveAttribute("value", "0");
    await expect(page.getByText("0 of 2 objections filed, 0 confirmed by the platform.")).toBeVisible();
    await expect(
      page.getByText(/objecting still protects what you publish from now on: 2 objections left/),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // The guide: numbered steps and the official form in a new tab.
    const facebook = page.getByRole("region", { name: "Facebook" });
    await expect(
      facebook.getByRole("listitem").filter({ hasText: 'Press "Send" to submit the objection.' }),
    ).toBeVisible();
    const formLink = facebook.getByRole("link", { name: /Open Facebook's official objection form/ });
    await expect(formLink).toHaveAttribute("href", "https://www.facebook.com/help/contact/712876720715583");
    await expect(formLink).toHaveAttribute("target", "_blank");
    await expect(formLink).toHaveAttribute("rel", "noopener noreferrer");
    await expect(account(page, "Instagram account 1")).toContainText(
      "Covered by the objection for Facebook account 1: nothing to do here.",
    );

    // WhatsApp's form may ask for the phone number: the caveat, and a report the organiser sees.
    const whatsapp = page.getByRole("region", { name: "WhatsApp" });
    await expect(whatsapp).toContainText("may ask for your phone number");
    await whatsapp.getByRole("button", { name: /This link seems broken/ }).click();
    await expect(whatsapp.getByText("Thanks: the organisers will check this link.")).toBeVisible();
    await expect
      .poll(
        async () =>
          (
            await query("SELECT 1 FROM link_reports WHERE user_id = $1 AND platform = 'whatsapp'", [
              person.userId,
            ])
          ).length,
      )
      .toBe(1);
    // Couldn't find the form: skipped for now, which is not "I don't use this".
    const wa = account(page, "WhatsApp account 1");
    await wa.getByRole("button", { name: "Couldn't find the form? Skip for now" }).click();
    await expect(wa.getByText(/^Skipped for now: you could not find the form/)).toBeVisible();
    await expect(wa.getByText("You don't use this account")).toHaveCount(0);
    await expect(whatsapp.getByText("Skipped for now", { exact: true }).first()).toBeVisible();
    expect((await statusRows(person.userId)).find((r) => r.platform === "whatsapp")?.status).toBe("SKIPPED");
    await wa.getByRole("button", { name: "Undo: try again now" }).click();
    await expect(wa.getByRole("button", { name: "I don't use this" })).toBeVisible();

    // Record the Facebook objection, with the keyboard.
    const fb = account(page, "Facebook account 1 (ada@example.org)");
    await fb.getByRole("button", { name: "I have submitted it" }).focus();
    await page.keyboard.press("Enter");
    await expect(fb.getByText(/^Submitted on /)).toBeVisible();
    await expect(progress).toHaveAttribute("value", "1");
    // Done looks done, and points on to what is left.
    await expect(fb.getByText("Filed", { exact: true })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Facebook" }).getByText("Done", { exact: true }),
    ).toBeVisible();
    await expect(fb.getByRole("link", { name: "Next: WhatsApp" })).toHaveAttribute("href", "#guide-whatsapp");

    await account(page, "WhatsApp account 1").getByRole("button", { name: "I don't use this" }).click();
    await expect(account(page, "WhatsApp account 1").getByText("You don't use this account")).toBeVisible();
    await expect(page.getByRole("heading", { name: "All done. Thank you!" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Invite friends to object too" })).toHaveAttribute(
      "href",
      "/en/dashboard#invite",
    );
    const [pledge] = await query<{ finished_at: Date | null }>(
      "SELECT finished_at FROM pledges WHERE user_id = $1",
      [person.userId],
    );
    expect(pledge?.finished_at).not.toBeNull();
    await expectNoAxeViolations(page);

    await fb.getByRole("button", { name: "The platform confirmed it" }).click();
    await expect(fb.getByText(/^Confirmed by the platform on /)).toBeVisible();
    await expect(page.getByText("1 of 1 objection filed, 1 confirmed by the platform.")).toBeVisible();

    // Every change can be undone.
    await fb.getByRole("button", { name: "Undo: not confirmed yet" }).click();
    await expect(fb.getByText(/^Submitted on /)).toBeVisible();
    await account(page, "WhatsApp account 1").getByRole("button", { name: "Undo: I do use this" }).click();
    await expect(page.getByRole("heading", { name: "All done. Thank you!" })).toHaveCount(0);
    await expect(page.getByText("1 of 2 objections filed, 0 confirmed by the platform.")).toBeVisible();
    await account(page, "WhatsApp account 1").getByRole("button", { name: "I have submitted it" }).click();
    await expect(page.getByRole("heading", { name: "All done. Thank you!" })).toBeVisible();
    expect(await statusRows(person.userId)).toEqual([
      { platform: "facebook", account_index: 1, status: "SUBMITTED", covered: false },
      { platform: "instagram", account_index: 1, status: "NOT_STARTED", covered: true },
      { platform: "whatsapp", account_index: 1, status: "SUBMITTED", covered: false },
    ]);
    await expectNoAxeViolations(page);
  });

  test("impossible dates get a clear message next to the field and write nothing", async ({
    page,
    context,
  }) => {
    const person = await signedInPerson(context, { platforms: ["facebook"] });
    await page.goto("/en/dashboard");
    await openQuestionnaire(page);
    await page.getByLabel("How many Facebook accounts do you have?").selectOption("2");
    await page.getByRole("button", { name: "Save my answers" }).click();
    const second = account(page, "Facebook account 2");
    await expect(second).toBeVisible();

    await openDetails(second);
    await second.getByLabel("Date you submitted it").fill("2031-01-01");
    await second.getByRole("button", { name: "I have submitted it" }).click();
    await expect(second.getByText("That date is in the future.").first()).toBeVisible();
    await expect(second.getByLabel("Date you submitted it")).toHaveAttribute("aria-invalid", "true");

    await second.getByLabel("Date you submitted it").fill("2025-03-01");
    await second.getByRole("button", { name: "I have submitted it" }).click();
    await expect(second.getByText(/before the campaign/).first()).toBeVisible();
    await expectNoAxeViolations(page);
    expect((await statusRows(person.userId)).map((row) => row.status)).toEqual([
      "NOT_STARTED",
      "NOT_STARTED",
    ]);

    await second.getByLabel("Date you submitted it").fill("2025-05-20");
    await second.getByRole("button", { name: "I have submitted it" }).click();
    await expect(second.getByText("Submitted on May 20, 2025")).toBeVisible();
    await openDetails(second);
    await second.getByLabel("Date the platform confirmed it").fill("2025-05-19");
    await second.getByRole("button", { name: "The platform confirmed it" }).click();
    await expect(
      second.getByText("The confirmation cannot be earlier than the day you submitted it.").first(),
    ).toBeVisible();
    expect((await statusRows(person.userId)).map((row) => row.status)).toEqual(["NOT_STARTED", "SUBMITTED"]);
  });

  test("asks WhatsApp for the account's phone number, the others for an email address @phone", async ({
    page,
    context,
  }) => {
    // Two saves and axe: 25-60 s on a loaded 2-core machine, so three times that.
    test.setTimeout(180_000);
    const person = await signedInPerson(context, { platforms: ["facebook", "whatsapp"] });
    await page.goto("/en/dashboard");
    await openQuestionnaire(page);
    const email = page.getByLabel("Email used by Facebook account 1");
    await expect(email).toHaveAttribute("type", "email");
    const phone = page.getByLabel("Phone number of WhatsApp account 1");
    await expect(phone).toHaveAttribute("type", "tel");
    await expect(phone).toHaveAttribute("autocomplete", "tel");
    await expect(page.getByText("Email used by WhatsApp account 1")).toHaveCount(0);

    await phone.fill("ada@example.org");
    await page.getByRole("button", { name: "Save my answers" }).click();
    await expect(
      page.getByText("Enter a phone number like +49 151 23456789, or leave it empty.").first(),
    ).toBeVisible();
    await expect(phone).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    const stored = () =>
      query<{ account_identifier: string | null }>(
        "SELECT account_identifier FROM submissions WHERE user_id = $1 AND platform = 'whatsapp'",
        [person.userId],
      );
    expect(await stored()).toEqual([{ account_identifier: null }]);

    await phone.fill("+49 151 2345 6789");
    await page.getByRole("button", { name: "Save my answers" }).click();
    await expect(page.getByText("Your answers are saved and your checklist is up to date.")).toBeVisible();
    expect(await stored()).toEqual([{ account_identifier: "+4915123456789" }]);
    await expect(account(page, "WhatsApp account 1 (+4915123456789)")).toBeVisible();
  });

  test("signed out, the dashboard sends people to sign in", async ({ page }) => {
    await page.goto("/en/dashboard");
    await expect(page).toHaveURL(/\/en\/sign-in$/);
  });
});
