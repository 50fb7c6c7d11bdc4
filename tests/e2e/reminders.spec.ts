import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { signedInPerson } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { query } from "./support/db";
import { emailsTo, waitForEmails } from "./support/mailbox";

const APP = process.env.APP_URL ?? `http://127.0.0.1:${process.env.TEST_APP_PORT ?? 3100}`;

/**
 * Runs the real sender (npm run reminders) against the test database, with the
 * deadline moved to 10 hours from now so that "d0" (the last-day reminder) is due.
 */
function sendDueReminders() {
  const deadline = new Date(Date.now() + 10 * 3600 * 1000).toISOString();
  const started = Date.now();
  // LOG_LEVEL info: a failure shows each batch the run sent, with its timing.
  const result = spawnSync("node_modules/.bin/tsx", ["scripts/ops/reminders.ts"], {
    env: { ...process.env, CAMPAIGN_DEADLINE: deadline, NODE_ENV: "test", LOG_LEVEL: "info" },
    encoding: "utf8",
    timeout: 60_000,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  expect(result.status, `exit after ${seconds} s\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** A person who opted in to reminders a day ago and still has objections to file. */
async function optedInPerson(context: Parameters<typeof signedInPerson>[0]) {
  const person = await signedInPerson(context, {
    remindersConsent: true,
    platforms: ["facebook", "instagram"],
  });
  await query(
    "UPDATE pledges SET verified_at = now() - interval '1 day', reminders_consent_at = now() - interval '1 day' WHERE id = $1",
    [person.pledgeId],
  );
  return person;
}

const NONE_LEFT = "No more reminder emails are planned for this campaign.";

function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`${APP.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${path}[^\\s)\\]>"]+`));
  if (!match) throw new Error(`no ${path} link in the email`);
  return match[0];
}

test.describe("reminder emails", () => {
  test.describe.configure({ mode: "serial" });

  test("a due reminder arrives once, and its links work only on POST", async ({ page, context }) => {
    // Two runs of the real sender CLI (each boots tsx): 42 s on a loaded 2-core machine,
    // so four times that, as the other long journeys get.
    test.setTimeout(180_000);
    const person = await optedInPerson(context);
    const summary = sendDueReminders();
    expect(summary).toMatch(/sent/i);
    const [email] = await waitForEmails(person.email, /./, 1);
    expect(email!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email!.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/unsubscribe\?t=/);
    expect(email!.text).toContain("Facebook");

    // Never the same reminder twice.
    sendDueReminders();
    expect(await emailsTo(person.email)).toHaveLength(1);

    // "I've filed it": the GET only shows a page (mail scanners open links).
    const done = linkIn(email!.text ?? "", "/en/done");
    await page.goto(done);
    await expect(page.getByRole("heading", { name: "Did you file your objection?" })).toBeVisible();
    await expectNoAxeViolations(page);
    const before = await query("SELECT 1 FROM submissions WHERE user_id = $1 AND status = 'SUBMITTED'", [
      person.userId,
    ]);
    expect(before).toHaveLength(0);
    await page.getByRole("button", { name: "Yes, I've filed it" }).click();
    await expect(page.getByText(/your objection to (Facebook|Instagram) is recorded/)).toBeVisible();
    const after = await query<{ platform: string }>(
      "SELECT platform FROM submissions WHERE user_id = $1 AND status = 'SUBMITTED'",
      [person.userId],
    );
    expect(after.length).toBeGreaterThan(0);

    // The visible unsubscribe link: GET shows a button, the POST unsubscribes.
    const unsubscribe = linkIn(email!.text ?? "", "/en/unsubscribe");
    await page.goto(unsubscribe);
    await expect(page.getByRole("heading", { name: "Stop reminder emails?" })).toBeVisible();
    const [stillOn] = await query<{ reminders_consent: boolean }>(
      "SELECT reminders_consent FROM pledges WHERE id = $1",
      [person.pledgeId],
    );
    expect(stillOn?.reminders_consent).toBe(true);
    await page.getByRole("button", { name: "Stop reminders" }).click();
    await expect(page.getByText("Done: you will get no more reminder emails.")).toBeVisible();
    const [off] = await query<{ reminders_consent: boolean; unsubscribed_at: Date | null }>(
      "SELECT reminders_consent, unsubscribed_at FROM pledges WHERE id = $1",
      [person.pledgeId],
    );
    expect(off).toMatchObject({ reminders_consent: false });
    expect(off?.unsubscribed_at).not.toBeNull();
  });

  test("one-click unsubscribe (RFC 8058) by POST; a GET changes nothing", async ({ context, request }) => {
    const person = await optedInPerson(context);
    sendDueReminders();
    const [email] = await waitForEmails(person.email, /./, 1);
    const url = email!.headers["List-Unsubscribe"]!.slice(1, -1);

    const get = await request.get(url, { maxRedirects: 0 });
    expect(get.status()).toBe(303);
    const [unchanged] = await query<{ reminders_consent: boolean }>(
      "SELECT reminders_consent FROM pledges WHERE id = $1",
      [person.pledgeId],
    );
    expect(unchanged?.reminders_consent).toBe(true);

    const post = await request.post(url, { form: { "List-Unsubscribe": "One-Click" } });
    expect(post.status()).toBe(200);
    const [off] = await query<{ reminders_consent: boolean }>(
      "SELECT reminders_consent FROM pledges WHERE id = $1",
      [person.pledgeId],
    );
    expect(off?.reminders_consent).toBe(false);

    const forged = await request.post(`${url.split("?")[0]}?t=${"x".repeat(40)}`);
    expect(forged.status()).toBe(400);
  });

  test("after the last reminder the dashboard offers only 'off', and no calendar file @phone", async ({
    page,
    context,
    request,
  }) => {
    // Every reminder of the bundled campaign (its deadline was 27 May 2025) is past: a
    // consent given now would never get an email, so none is asked for.
    await signedInPerson(context, { remindersConsent: false });
    await page.goto("/en/dashboard");
    await expect(page.getByRole("heading", { name: "Reminder emails" })).toBeVisible();
    await expect(page.getByText(NONE_LEFT)).toBeVisible();
    await expect(page.getByRole("button", { name: "Turn reminders on" })).toHaveCount(0);
    await expect(page.getByText(/^Yes, email me reminders/)).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Add the deadline to your calendar/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Someone who consented earlier can still turn them off, and then has nothing to turn on.
    await context.clearCookies();
    const consenting = await signedInPerson(context, { remindersConsent: true });
    await page.goto("/en/dashboard");
    await expect(page.getByText(NONE_LEFT)).toBeVisible();
    await page.getByRole("button", { name: "Turn reminders off" }).click();
    await expect(page.getByText("Reminders are off.").first()).toBeVisible();
    const [off] = await query<{ reminders_consent: boolean; unsubscribed_at: Date | null }>(
      "SELECT reminders_consent, unsubscribed_at FROM pledges WHERE id = $1",
      [consenting.pledgeId],
    );
    expect(off?.reminders_consent).toBe(false);
    expect(off?.unsubscribed_at).not.toBeNull();
    await page.reload();
    await expect(page.getByText(NONE_LEFT)).toBeVisible();
    await expect(page.getByRole("button", { name: /Turn reminders/ })).toHaveCount(0);

    // The file itself still answers.
    const ics = await request.get("/api/calendar?locale=en");
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    const body = await ics.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toContain("BEGIN:VEVENT");
    expect(body).not.toContain(consenting.email);
  });
});
