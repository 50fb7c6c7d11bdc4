import { readFileSync } from "node:fs";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { signedInPerson } from "./support/auth";
import { query } from "./support/db";

// Download my data, delete my account, no third-party requests from any page, and one
// person never reaching another's data.

const APP = process.env.APP_URL ?? `http://127.0.0.1:${process.env.TEST_APP_PORT ?? 3100}`;

/** Records the origin of every request `page` makes while `visit` runs. */
async function foreignOrigins(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const own = new URL(APP).origin;
  const foreign = new Set<string>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== own) foreign.add(url.origin);
  });
  await visit();
  return [...foreign];
}

async function textColumnsContaining(needle: string): Promise<string[]> {
  const columns = await query<{ t: string; c: string }>(
    `SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  // One statement for every column: on a loaded machine, one query per column took
  // most of this test's time budget.
  const checks = columns.map(
    ({ t, c }) => `SELECT '${t}.${c}' AS hit WHERE EXISTS (SELECT 1 FROM "${t}" WHERE "${c}"::text ILIKE $1)`,
  );
  const rows = await query<{ hit: string }>(checks.join(" UNION ALL "), [`%${needle}%`]);
  return rows.map((row) => row.hit);
}

async function download(page: Page): Promise<Record<string, unknown>> {
  await page.goto("/en/account");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data" }).click(),
  ]);
  return JSON.parse(readFileSync(await file.path(), "utf8")) as Record<string, unknown>;
}

test.describe("no third parties", () => {
  test("the main pages, signed out and in, request nothing from another origin", async ({
    page,
    context,
  }) => {
    const signedOut = await foreignOrigins(page, async () => {
      for (const path of ["/en", "/en/pledge", "/en/sign-in", "/en/stats", "/en/privacy", "/embed/counter"]) {
        await page.goto(path, { waitUntil: "networkidle" });
      }
    });
    await signedInPerson(context);
    const signedIn = await foreignOrigins(page, async () => {
      for (const path of ["/en/dashboard", "/en/account", "/en/account/delete"]) {
        await page.goto(path, { waitUntil: "networkidle" });
      }
    });
    expect([...signedOut, ...signedIn]).toEqual([]);
  });
});

test.describe("your data", () => {
  test("the privacy policy shows the organiser, the authority, the retention date and every table", async ({
    page,
  }) => {
    await page.goto("/en/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Privacy policy" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Who is responsible" })).toBeVisible();
    // The bundled campaign's erasure date has passed: the page says so instead of promising it.
    await expect(
      page.getByText(/erasure date, .+ \(180 days after its deadline\), has passed/),
    ).toBeVisible();
    for (const heading of ["Your account", "Your pledge", "Sign-in sessions", "Do-not-email list"]) {
      await expect(page.getByRole("heading", { level: 3, name: new RegExp(heading) })).toBeVisible();
    }
  });

  test("download my data: one JSON file with the person's rows and field documentation", async ({
    page,
    context,
  }) => {
    const person = await signedInPerson(context, { firstName: "Ada" });
    const data = await download(page);
    expect(data.format).toBe("object-to-ai-training/personal-data-export@3");
    expect(data.user).toMatchObject({ id: person.userId, email: person.email });
    expect(data.pledges).toEqual([
      expect.objectContaining({ id: person.pledgeId, referralCode: person.referralCode, firstName: "Ada" }),
    ]);
    expect(Object.keys(data.documentation as object)).toEqual(expect.arrayContaining(["users", "pledges"]));
  });

  test("delete my account: a confirmation step, then nothing of the person is left", async ({
    page,
    context,
  }) => {
    const person = await signedInPerson(context);
    await page.goto("/en/account");
    await page.getByRole("link", { name: "Delete my account…" }).click();
    await expect(page.getByRole("heading", { name: "Delete your account?" })).toBeVisible();
    await page.getByRole("checkbox", { name: /cannot be undone/ }).check();
    await page.getByRole("button", { name: "Delete my account now" }).click();
    await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
    for (const needle of [person.email, person.userId, person.pledgeId, person.referralCode]) {
      expect(await textColumnsContaining(needle), needle).toEqual([]);
    }
    await page.goto("/en/dashboard");
    await expect(page).toHaveURL(/\/en\/sign-in/);
  });

  test("signed out, the account page and the export are closed", async ({ page, request }) => {
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/sign-in/);
    const response = await request.get("/api/account/export");
    expect(response.status()).toBe(401);
  });
});

test.describe("one person cannot reach another's data", () => {
  async function twoPeople(browser: import("@playwright/test").Browser) {
    const contextA: BrowserContext = await browser.newContext();
    const contextB: BrowserContext = await browser.newContext();
    const a = await signedInPerson(contextA, { firstName: "Alice" });
    const b = await signedInPerson(contextB, { firstName: "Bruno" });
    return { a, b, contextA, contextB };
  }

  test("dashboard, account page and export show only the signed-in person", async ({ browser }) => {
    const { a, b, contextA, contextB } = await twoPeople(browser);
    const page = await contextB.newPage();
    for (const path of ["/en/dashboard", "/en/account"]) {
      await page.goto(path);
      const html = await page.content();
      expect(html).toContain(b.email);
      expect(html).not.toContain(a.email);
      expect(html).not.toContain(a.referralCode);
    }
    const exported = await (await contextB.request.get("/api/account/export")).text();
    for (const secret of [a.email, a.userId, a.pledgeId, a.referralCode, "Alice"])
      expect(exported).not.toContain(secret);
    // Query strings cannot pick someone else.
    const probing = await contextB.request.get(`/api/account/export?userId=${a.userId}&email=${a.email}`);
    expect(await probing.text()).not.toContain(a.email);
    await contextA.close();
    await contextB.close();
  });

  test("tracker actions with another person's ids change nothing of theirs", async ({ browser }) => {
    const { a, contextA, contextB } = await twoPeople(browser);
    const pageA = await contextA.newPage();
    // A's first visit builds A's checklist from the pledge (one account per platform).
    await pageA.goto("/en/dashboard");
    await expect(pageA.getByRole("heading", { name: "Your checklist" })).toBeVisible();
    await query("UPDATE submissions SET id = $1 WHERE user_id = $2 AND platform = 'facebook'", [
      `s${a.pledgeId}`,
      a.userId,
    ]);
    const manifest = JSON.parse(
      readFileSync(`${process.env.NEXT_DIST_DIR ?? ".next"}/server/server-reference-manifest.json`, "utf8"),
    ) as { node: Record<string, { filename?: string; exportedName?: string }> };
    const trackerActions = Object.entries(manifest.node).filter(([, v]) =>
      [
        "lib/actions/update-submission.ts",
        "lib/actions/report-broken-link.ts",
        "lib/actions/save-questionnaire.ts",
      ].includes(v.filename ?? ""),
    );
    expect(trackerActions.length).toBeGreaterThan(0);
    for (const [id] of trackerActions) {
      await contextB.request.post("/en/dashboard", {
        headers: { "next-action": id, origin: APP },
        multipart: {
          "0": '[null,"$K1"]',
          _1_locale: "en",
          _1_submissionId: `s${a.pledgeId}`,
          _1_id: `s${a.pledgeId}`,
          _1_status: "SUBMITTED",
          _1_userId: a.userId,
        },
      });
    }
    const [row] = await query<{ status: string }>(
      "SELECT status::text AS status FROM submissions WHERE id = $1",
      [`s${a.pledgeId}`],
    );
    expect(row?.status).toBe("NOT_STARTED");
    await contextA.close();
    await contextB.close();
  });
});
