import { expect, test } from "@playwright/test";
import pg from "pg";
import { MAX_STALENESS_SECONDS } from "@/lib/stats/cache";
import { publicStatsSchema } from "@/lib/stats/schema";
import { expectNoAxeViolations } from "./support/axe";

// Seeds verified pledges (rows and their counters, as the key contract says) before
// anything reads the figures: 12 in Germany; 3 in Malta, 4 in Cyprus and 4 in
// Luxembourg, each below the privacy threshold but 11 together, so that Germany is
// published (with fewer hidden in all, Germany would be hidden too).
test.describe.configure({ mode: "serial" });

const CAMPAIGN_ID = "meta-ai-2025";

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // Fixed ids and ON CONFLICT DO NOTHING: each project's worker runs this, and only
    // the rows actually inserted move the counters.
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO users (id, email, updated_at)
       SELECT 'e2e-stats-' || g, 'e2e-stats-' || g || '@example.test', now()
       FROM generate_series(1, 23) AS g
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `WITH inserted AS (
         INSERT INTO pledges (id, user_id, campaign_id, country, platforms, locale, referral_code, verified_at, updated_at)
         SELECT 'e2e-stats-' || g, 'e2e-stats-' || g, $1, CASE WHEN g <= 12 THEN 'DE' WHEN g <= 15 THEN 'MT' WHEN g <= 19 THEN 'CY' ELSE 'LU' END,
                ARRAY['facebook'], 'en', 'e2estats' || g, timestamp '2025-05-10 10:00' + (g % 3) * interval '1 day', now()
         FROM generate_series(1, 23) AS g
         ON CONFLICT DO NOTHING
         RETURNING country, verified_at
       )
       INSERT INTO stat_counters (campaign_id, key, shard, value)
       SELECT $1, k.key, 0, count(*)
       FROM inserted CROSS JOIN LATERAL (VALUES
         ('pledges'), ('verified'), ('country:' || country), ('day:' || to_char(verified_at, 'YYYY-MM-DD'))
       ) AS k(key)
       GROUP BY k.key
       ON CONFLICT (campaign_id, key, shard) DO UPDATE SET value = stat_counters.value + EXCLUDED.value`,
      [CAMPAIGN_ID],
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
});

test.describe("campaign stats", () => {
  test("shows the totals, a chart with its data table and the privacy threshold @phone", async ({ page }) => {
    // The page is cached (ISR) and other files may have loaded it before the seed above:
    // the seeded figures must show within the stated staleness bound.
    test.setTimeout(MAX_STALENESS_SECONDS * 1000 + 60_000);
    const dayRow = page
      .getByRole("table", { name: "Verified pledges per day" })
      .getByRole("row", { name: /May 10, 2025|10 May 2025/ });
    await expect
      .poll(
        async () => {
          const loaded = await page.goto("/en/stats");
          expect(loaded?.status()).toBe(200);
          return dayRow.count();
        },
        { timeout: MAX_STALENESS_SECONDS * 1000, intervals: [2000] },
      )
      .toBeGreaterThan(0);
    await expect(page.getByRole("heading", { level: 1, name: "How the campaign is going" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "In numbers" })).toBeVisible();
    for (const label of ["Pledges", "Verified pledges", "Objections filed", "Objections confirmed"]) {
      await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "From pledge to objection" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Objections per platform/ })).toBeVisible();

    const chart = page.getByRole("img", { name: /Verified pledges per day/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator("rect").first()).toBeAttached();
    const dayTable = page.getByRole("table", { name: "Verified pledges per day" });
    await expect(dayTable.getByRole("row", { name: /May 10, 2025|10 May 2025/ })).toBeAttached();

    await expect(page.getByRole("img", { name: /Verified pledges per country/ })).toBeVisible();
    const countryTable = page.getByRole("table", { name: "Verified pledges per country" });
    await expect(countryTable.getByRole("row", { name: "Malta hidden" })).toBeAttached();
    await expect(countryTable.getByRole("row", { name: /^Germany \d+$/ })).toBeAttached();
    // The hidden countries as a count; their names folded away, Malta among them.
    await expect(
      page.getByText(/^\d+ countries are hidden: each has fewer than 10 verified pledges/),
    ).toBeVisible();
    const hiddenList = page.getByRole("group").filter({ hasText: "Which countries are hidden" });
    await expect(hiddenList.getByRole("listitem").filter({ hasText: /^Malta$/ })).toBeHidden();
    await page.getByText("Which countries are hidden").click();
    await expect(hiddenList.getByRole("listitem").filter({ hasText: /^Malta$/ })).toBeVisible();

    await expect(
      page.getByRole("heading", { name: /deadline|objecting still protects/i }).first(),
    ).toBeVisible();
    const snippet = page.getByLabel("Code to copy");
    await expect(snippet).toHaveValue(/<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/counter"/);
  });

  test("draws its charts without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en/stats");
    await expect(page.getByRole("img", { name: /Verified pledges per day/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Verified pledges per country/ })).toBeVisible();
    await context.close();
  });

  test("has no accessibility violations @phone", async ({ page }) => {
    await page.goto("/en/stats");
    await expectNoAxeViolations(page, { tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
  });

  test("serves the same figures as validated JSON, with CORS and cache headers", async ({ request }) => {
    const response = await request.get("/api/stats", { headers: { origin: "https://organiser.example" } });
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["access-control-allow-origin"]).toBe("*");
    expect(headers["content-type"]).toContain("application/json");
    expect(headers["cache-control"]).toMatch(/public/);
    expect(headers["cache-control"]).toMatch(/s-maxage=\d+/);
    expect(headers["cache-control"]).toMatch(/stale-while-revalidate=\d+/);

    const stats = publicStatsSchema.parse(await response.json());
    expect(stats.campaignId).toBe(CAMPAIGN_ID);
    expect(stats.totals.verifiedPledges).toBeGreaterThanOrEqual(15);
    expect(stats.maxStalenessSeconds).toBeLessThanOrEqual(60);
    expect(stats.countries.find((c) => c.code === "MT")).toEqual({ code: "MT", count: null });
    for (const country of stats.countries) {
      expect(country.count === null || country.count >= stats.privacyThreshold).toBe(true);
    }

    const preflight = await request.fetch("/api/stats", {
      method: "OPTIONS",
      headers: { origin: "https://organiser.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  });

  test("offers a counter that works in an iframe and without JavaScript", async ({
    page,
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const noScript = await context.newPage();
    const response = await noScript.goto("/embed/counter");
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["x-frame-options"]).toBeUndefined();
    expect(headers["content-security-policy"] ?? "").not.toMatch(/frame-ancestors/);
    await expect(noScript.locator("html")).toHaveAttribute("lang", "en");
    await expect(noScript.getByText(/people have pledged to object/)).toBeVisible();
    await expect(noScript.getByRole("link", { name: /Pledge too/ })).toHaveAttribute("target", "_blank");
    await context.close();

    await page.goto("/embed/counter");
    await expectNoAxeViolations(page, { tags: ["wcag2a", "wcag2aa"] });

    const host = await browser.newPage();
    await host.setContent(
      `<!doctype html><html lang="en"><body><iframe src="${baseURL}/embed/counter" title="Counter" width="320" height="200"></iframe></body></html>`,
    );
    const frame = host.frameLocator("iframe");
    await expect(frame.getByText(/people have pledged to object/)).toBeVisible();
    await host.close();
  });
});
