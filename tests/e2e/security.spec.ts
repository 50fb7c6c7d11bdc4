import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { PAGE_EXPIRE_SECONDS, PAGE_REVALIDATE_SECONDS } from "@/lib/http/page-cache";
import { inlineScriptHashes } from "@/lib/security/script-hashes.mjs";
import { signedInPerson } from "./support/auth";
import { expectServedFromCache } from "./support/cache";
import { query } from "./support/db";
import { linkIn, waitForEmails } from "./support/mailbox";

// Headers on every kind of response (nonce CSP on per-request pages, hash CSP on
// pages served from the ISR cache), framing rules, cross-site refusals, session
// rotation, single-use magic links, and the real server actions and route handlers
// fuzzed over HTTP against the production build.

const APP = process.env.APP_URL ?? `http://127.0.0.1:${process.env.TEST_APP_PORT ?? 3100}`;
const DIST = process.env.NEXT_DIST_DIR ?? ".next";

/** route.ts files under app/ as request paths, dynamic segments filled with a harmless value. */
function routePaths(dir = path.resolve("app"), parts: string[] = []): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...routePaths(full, [...parts, name]));
    else if (/^route\.(ts|tsx|js)$/.test(name)) {
      const url = parts
        .filter((p) => !/^\(.*\)$/.test(p))
        .map((p) =>
          p === "[locale]" ? "en" : p.startsWith("[...") ? "session" : p.startsWith("[") ? "zzzzzzzz" : p,
        );
      found.push(`/${url.join("/")}`);
    }
  }
  return found;
}

function expectCommonHeaders(headers: Record<string, string>, where: string) {
  expect(headers["strict-transport-security"], where).toMatch(/max-age=\d{7,}/);
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["content-security-policy"], where).toBeTruthy();
}

function scriptSrc(csp: string): string {
  return csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
}

// Pages rendered per request (nonce), and public pages served from the ISR cache
// (hashes of their inline scripts). Both kinds must cover every page there is.
const NONCE_PAGES = ["/en/sign-in", "/en/account", "/en/no-such-page"];
const CACHED_PAGES = [
  "/en",
  "/en/pledge",
  "/en/stats",
  "/en/privacy",
  "/en/leaderboard",
  "/fr/pledge/check-email",
];

/** A page's inline scripts and its policy's script hashes, side by side. */
async function inlineScriptsAndHashes(html: string, csp: string) {
  const allowed = new Set([...scriptSrc(csp).matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]));
  return { inline: inlineScriptHashes(html), allowed };
}

/** Collects CSP violations, as the browser reports them to the page and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

/**
 * Loads a page and proves that its scripts ran and React took over: a hydrated <Link>
 * in the header fetches the next page's RSC payload (an unhydrated one would load a
 * whole document). No page.evaluate here: it would itself count as an eval.
 */
async function expectHydrated(page: Page, pagePath: string) {
  const rsc = page.waitForRequest((request) => request.headers().rsc === "1");
  await page.goto(pagePath);
  await page.locator("header").getByRole("link").first().hover();
  await rsc;
}

test.describe("security headers", () => {
  for (const pagePath of NONCE_PAGES) {
    test(`page ${pagePath}: nonce CSP, no inline or eval, not frameable`, async ({ request }) => {
      const response = await request.get(pagePath, { maxRedirects: 0 });
      const headers = response.headers();
      expectCommonHeaders(headers, pagePath);
      const csp = headers["content-security-policy"] ?? "";
      expect(scriptSrc(csp)).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scriptSrc(csp)).not.toContain("'unsafe-inline'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-request-id"]).toBeTruthy();
      expect(headers["cache-control"]).toMatch(/no-store|private/);
    });
  }

  for (const pagePath of CACHED_PAGES) {
    test(`page ${pagePath}: served from the ISR cache, one hash CSP naming each inline script, CDN-cacheable`, async ({
      request,
    }) => {
      await request.get(pagePath); // fills the cache if this is its first request
      const response = await request.get(pagePath, { maxRedirects: 0 });
      expect(response.status()).toBe(200);
      const headers = response.headers();
      expectCommonHeaders(headers, pagePath);
      expect(headers["x-nextjs-prerender"]).toBe("1");
      expectServedFromCache(headers);
      expect(headers["cache-control"]).toBe(
        `s-maxage=${PAGE_REVALIDATE_SECONDS}, stale-while-revalidate=${PAGE_EXPIRE_SECONDS - PAGE_REVALIDATE_SECONDS}`,
      );
      expect(headers["set-cookie"]).toBeUndefined();
      // Exactly one policy: two would intersect and block the hashed scripts.
      expect(
        response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy"),
      ).toHaveLength(1);
      const csp = headers["content-security-policy"] ?? "";
      expect(scriptSrc(csp)).not.toMatch(/'nonce-|'unsafe-inline'|'strict-dynamic'/);
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"]).toBe("DENY");
      const { inline, allowed } = await inlineScriptsAndHashes(await response.text(), csp);
      expect(inline.length).toBeGreaterThan(0);
      expect(inline.filter((hash) => !allowed.has(hash))).toEqual([]);
    });
  }

  test("a cached page is the same HTML for everyone, whoever asks", async ({ browser, request }) => {
    await request.get("/en/privacy");
    const first = await request.get("/en/privacy");
    const context = await browser.newContext();
    await signedInPerson(context);
    const signedIn = await context.request.get("/en/privacy", { headers: { "accept-language": "de" } });
    expectServedFromCache(signedIn.headers());
    expect(await signedIn.text()).toBe(await first.text());
    await context.close();
  });

  test("the server's cached-page mark and the proxy's nonce cannot be sent by a client", async ({
    request,
  }) => {
    // Marked by hand, a per-request page still goes through the proxy and gets its nonce.
    const forgedMark = await request.get("/en/sign-in", { headers: { "x-app-cached-page": "1" } });
    expect(scriptSrc(forgedMark.headers()["content-security-policy"] ?? "")).toMatch(/'nonce-/);
    expect(forgedMark.headers()["x-request-id"]).toBeTruthy();
    // A nonce of the client's choosing never reaches a render, cached or not.
    const forged = {
      "content-security-policy": "script-src 'nonce-forgedforgedforged'",
      "x-nonce": "forgedforgedforged",
    };
    for (const pagePath of ["/en/privacy", "/en/sign-in"]) {
      const response = await request.get(pagePath, { headers: forged });
      expect(response.status()).toBe(200);
      expect(await response.text()).not.toContain("forgedforgedforged");
      expect(response.headers()["content-security-policy"]).not.toContain("forged");
    }
  });

  test("the embeddable counter, served from the cache, may be framed; other cached pages may not", async ({
    request,
  }) => {
    await request.get("/embed/counter/fr");
    const embed = await request.get("/embed/counter/fr");
    expectServedFromCache(embed.headers());
    expectCommonHeaders(embed.headers(), "/embed/counter/fr");
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
    expect(embed.headers()["content-security-policy"]).not.toContain("frame-ancestors 'none'");
  });

  test("every script on a per-request page carries this response's nonce, and nonces differ per request", async ({
    page,
  }) => {
    const first = await page.goto("/en/sign-in");
    const nonce = (first?.headers()["content-security-policy"] ?? "").match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    // Every script the server sent, read from the response itself: chunks the runtime
    // adds later (same origin, allowed by 'self') are not the server's to sign.
    const tags = (await first!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(` nonce="${nonce}"`);
    const second = await page.request.get("/en/sign-in");
    expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  });

  test("pages hydrate under the policy: no CSP violation reported", async ({ page }) => {
    const violations = await watchViolations(page);
    for (const pagePath of [...CACHED_PAGES, "/en/sign-in"]) await expectHydrated(page, pagePath);
    // A client-side navigation between cached pages (their RSC payload comes from the cache too).
    await page.locator("header").getByRole("link", { name: "Stats" }).click();
    await expect(page).toHaveURL(/\/en\/stats$/);
    await page.goto("/en/pledge");
    await page.getByLabel("Email address").fill("x");
    await page.goto("/embed/counter");
    await expect(page.getByRole("link")).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("a revalidated page brings new HTML with new hashes, and still runs with no violation", async ({
    page,
    request,
  }) => {
    // The stats page's HTML changes at every render (the figures' and the countdown's
    // time), so each revalidation is a new document that needs its own hashes.
    const before = await request.get("/en/stats");
    const beforeHtml = await before.text();
    const beforeCsp = before.headers()["content-security-policy"] ?? "";
    let after = before;
    await expect
      .poll(
        async () => {
          after = await request.get("/en/stats");
          return (await after.text()) !== beforeHtml;
        },
        { timeout: 3 * PAGE_EXPIRE_SECONDS * 1000, intervals: [1000] },
      )
      .toBe(true);
    const afterCsp = after.headers()["content-security-policy"] ?? "";
    expect(afterCsp).not.toBe(beforeCsp);
    const { inline, allowed } = await inlineScriptsAndHashes(await after.text(), afterCsp);
    expect(inline.filter((hash) => !allowed.has(hash))).toEqual([]);

    const violations = await watchViolations(page);
    await expectHydrated(page, "/en/stats");
    expect(violations).toEqual([]);
  });

  test("every route handler (found in app/) answers with the security headers", async ({ request }) => {
    const paths = routePaths();
    expect(paths).toContain("/api/account/export");
    for (const routePath of paths) {
      const response = await request.get(routePath, { maxRedirects: 0 });
      const headers = response.headers();
      expectCommonHeaders(headers, routePath);
      expect(headers["content-security-policy"], routePath).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"], routePath).toBe("DENY");
    }
  });

  test("the embed stays frameable by any site, cached with a hash CSP", async ({ page }) => {
    await page.request.get("/embed/counter?lang=de");
    const response = await page.request.get("/embed/counter?lang=de");
    const headers = response.headers();
    expectCommonHeaders(headers, "/embed/counter");
    expectServedFromCache(headers);
    expect(headers["cache-control"]).toContain("stale-while-revalidate=");
    expect(headers["content-security-policy"]).not.toContain("frame-ancestors");
    expect(scriptSrc(headers["content-security-policy"] ?? "")).toMatch(/'sha256-/);
    expect(scriptSrc(headers["content-security-policy"] ?? "")).not.toMatch(/'nonce-|'unsafe-inline'/);
    expect(headers["x-frame-options"]).toBeUndefined();
    await page.setContent(
      `<iframe title="counter" src="${APP}/embed/counter" width="300" height="200"></iframe>`,
    );
    await expect(page.frameLocator("iframe").getByRole("link")).toBeVisible();
  });
});

test.describe("cross-site requests", () => {
  test("a cross-site POST to /api/account/* is refused, a same-site one is served", async ({ context }) => {
    await signedInPerson(context);
    const crossSite = await context.request.post("/api/account/export", {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status()).toBe(403);
    const foreignOrigin = await context.request.post("/api/account/export", {
      headers: { origin: "https://evil.example" },
    });
    expect(foreignOrigin.status()).toBe(403);
    const sameSite = await context.request.post("/api/account/export", { headers: { origin: APP } });
    expect(sameSite.status()).toBe(200);
  });

  test("a cross-site POST to a server action changes nothing", async ({ context }) => {
    const person = await signedInPerson(context);
    const id = actionId("lib/actions/delete-account.ts", "deleteAccount");
    const response = await context.request.post("/en/account/delete", {
      headers: { "next-action": id, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      multipart: { "0": '[null,"$K1"]', _1_locale: "en", _1_confirm: "yes" },
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(await query("SELECT 1 FROM users WHERE id = $1", [person.userId])).toHaveLength(1);
  });
});

test.describe("sessions and magic links", () => {
  test("each sign-in gets a new session token; a magic link works once", async ({ browser }) => {
    const person = await browser.newContext().then(async (ctx) => {
      const p = await signedInPerson(ctx);
      await ctx.close();
      return p;
    });
    const tokens: string[] = [];
    let firstLink = "";
    for (let round = 0; round < 2; round++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto("/en/sign-in");
      await page.getByLabel("Email address").fill(person.email);
      await page.getByRole("button", { name: /link/i }).click();
      const mails = await waitForEmails(person.email, /sign-in link/, round + 1);
      const link = linkIn(mails.at(-1)!, `${APP}/en/sign-in/confirm`);
      if (round === 0) firstLink = link;
      await page.goto(link);
      await page.getByRole("button", { name: "Sign me in" }).click();
      await expect(page).toHaveURL(/\/en\/dashboard/);
      const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
      expect(cookie?.value).toBeTruthy();
      tokens.push(cookie?.value ?? "");
      await context.close();
    }
    expect(new Set(tokens).size).toBe(2);

    // The first link again, in a fresh browser: refused, no session.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(firstLink);
    await page.getByRole("button", { name: "Sign me in" }).click();
    await expect(page).toHaveURL(/sign-in\/error/);
    expect((await context.cookies()).some((c) => c.name.endsWith("authjs.session-token"))).toBe(false);
    await context.close();
  });
});

// ---------------------------------------------------------------- fuzz over HTTP

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

function manifest(): Manifest {
  return JSON.parse(
    readFileSync(path.join(DIST, "server", "server-reference-manifest.json"), "utf8"),
  ) as Manifest;
}

/** The arguments a browser sends: (previous state, form) for defineAction ones, else (form). */
function argumentsShape(filename: string, exportedName: string): string {
  const source = readFileSync(filename, "utf8");
  return source.includes(`export const ${exportedName} = defineAction(`) ? '[null,"$K1"]' : '["$K1"]';
}

function actionId(filename: string, exportedName: string): string {
  const entry = Object.entries(manifest().node).find(
    ([, value]) => value.filename === filename && value.exportedName === exportedName,
  );
  if (!entry) throw new Error(`no server action ${filename}#${exportedName} in the build`);
  return entry[0];
}

const MARKUP = '<script>alert("xss")</script>';
const VALUES = [
  "",
  MARKUP,
  "<img src=x onerror=alert(1)>",
  "' OR 1=1; --",
  "\u0000",
  "\u202e\u0645",
  "🏳️‍🌈".repeat(40),
  // 16 fields of it stay under the 64 KB action body limit (next.config.ts); bigger bodies: fuzz-actions.
  "A".repeat(3_000),
  "-1",
  "NaN",
  "{}",
  "../../etc/passwd",
];
const FIELDS = [
  "email",
  "firstName",
  "country",
  "platforms",
  "remindersConsent",
  "locale",
  "platform",
  "status",
  "accountIndex",
  "submissionId",
  "confirm",
  "enabled",
  "t",
  "linked",
  "note",
  "accountIdentifier",
];

// Other spec files run in parallel, so "no writes" is checked by a marker: every fuzz
// value carries it, and afterwards no text column of any table may contain it.
const MARK = `fz${Date.now().toString(36)}`;

async function rowsWithMark(): Promise<string[]> {
  const columns = await query<{ t: string; c: string }>(
    `SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  const hits: string[] = [];
  for (const { t, c } of columns) {
    const rows = await query<{ n: string }>(`SELECT count(*) AS n FROM "${t}" WHERE "${c}"::text LIKE $1`, [
      `%${MARK}%`,
    ]);
    if (Number(rows[0]?.n ?? 0) > 0) hits.push(`${t}.${c}`);
  }
  return hits;
}

test.describe("fuzz over HTTP", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  test("every server action in the build refuses malformed forms: no 5xx, no markup, no writes", async ({
    browser,
  }) => {
    const actions = Object.entries(manifest().node).filter(([, v]) => v.filename?.startsWith("lib/actions/"));
    expect(actions.length).toBeGreaterThan(3);
    const signedIn = await browser.newContext();
    await signedInPerson(signedIn);
    const signedOut = await browser.newContext();
    let sent = 0;
    for (const [id, { filename, exportedName }] of actions) {
      for (const [i, value] of VALUES.entries()) {
        const context = i % 2 ? signedIn : signedOut;
        const multipart: Record<string, string> = { "0": argumentsShape(filename ?? "", exportedName ?? "") };
        // Every field gets garbage; "locale" alternates so handlers past the locale check are reached.
        for (const [k, field] of FIELDS.entries()) {
          multipart[`_1_${field}`] = field === "locale" && (i + k) % 3 === 0 ? "en" : `${value}${MARK}`;
        }
        const response = await context.request.post("/en/dashboard", {
          headers: { "next-action": id, origin: APP },
          multipart,
          maxRedirects: 0,
        });
        sent += 1;
        const label = `${filename}#${exportedName} value#${i}`;
        expect(response.status(), label).toBeLessThan(500);
        expect(await response.text(), label).not.toContain(MARKUP);
      }
    }
    expect(sent).toBeGreaterThanOrEqual(actions.length * VALUES.length);
    expect(await rowsWithMark()).toEqual([]);
    await signedIn.close();
    await signedOut.close();
  });

  test("every route handler (found in app/) refuses malformed requests: no 5xx, no markup, no writes", async ({
    request,
  }) => {
    for (const routePath of routePaths()) {
      for (const method of ["GET", "POST", "PUT", "DELETE"] as const) {
        for (const value of VALUES) {
          const url = `${routePath}?t=${encodeURIComponent(value)}&locale=${encodeURIComponent(value)}&ref=${encodeURIComponent(value)}`;
          const response = await request.fetch(url, {
            method,
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${encodeURIComponent(value).slice(0, 100)}`,
            },
            data:
              method === "GET"
                ? undefined
                : JSON.stringify({ email: `${value}${MARK}`, type: value, data: [MARK] }),
            maxRedirects: 0,
          });
          const label = `${method} ${routePath}`;
          expect(response.status(), label).toBeLessThan(500);
          expect(await response.text(), label).not.toContain(MARKUP);
        }
      }
    }
    expect(await rowsWithMark()).toEqual([]);
  });
});
