import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

// Every route handler under app/ (found by walking the tree, so new routes are
// covered without editing this file) receives hundreds of malformed requests: wrong
// types, huge strings, unicode edge cases, missing fields, markup and SQL-ish text,
// signed out and signed in. None may answer 5xx, echo markup back, or write a row.

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// Outside Next's react-server build, next-intl/server refuses to run; translate with the
// real messages instead (what the server build would do).
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  type Options = { locale?: string; namespace?: string } | string | undefined;
  const localeOf = (options: Options) => (typeof options === "object" && options.locale) || "en";
  return {
    getTranslations: async (options: Options) =>
      createTranslator({
        locale: localeOf(options),
        messages: loadMessages(localeOf(options)),
        namespace: typeof options === "string" ? options : options?.namespace,
      }),
    getFormatter: async (options: Options) => createFormatter({ locale: localeOf(options) }),
    getLocale: async () => "en",
    setRequestLocale: () => undefined,
  };
});

const MARKUP = '<script>alert("xss")</script>';
const IMG = "<img src=x onerror=alert(1)>";
const STRINGS = [
  "",
  " ",
  MARKUP,
  IMG,
  "' OR 1=1; --",
  "'; DROP TABLE users; --",
  "\u0000",
  "\ud800",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "🏳️‍🌈".repeat(50),
  "A".repeat(100_000),
  "../../etc/passwd",
  "%00%2e%2e%2f",
  "null",
  "undefined",
  "-1",
  "1e309",
  "NaN",
  "[]",
  "{}",
  "true",
  ["$", "{7*7}{{7*7}}"].join(""),
];
const BODIES: (string | null)[] = [
  null,
  "",
  "{",
  "null",
  "[]",
  "42",
  JSON.stringify({ email: MARKUP, locale: IMG, t: "' OR 1=1 --" }),
  JSON.stringify({ type: "email.bounced", data: { to: [MARKUP] }, created_at: -1 }),
  JSON.stringify({ a: { b: { c: { d: [1, "2", null, { e: "\ud800" }] } } } }),
  JSON.stringify({ email: "a".repeat(300_000) }),
  "List-Unsubscribe=One-Click",
  `email=${encodeURIComponent(MARKUP)}&locale=xx&confirm=yes`,
  "\u0000\u0001\u0002",
];
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const HEADER_SETS: Record<string, string>[] = [
  {},
  { "content-type": "application/json" },
  { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
  { "content-type": "text/plain", "sec-fetch-site": "same-origin", authorization: `Bearer ${MARKUP}` },
  {
    authorization: "Bearer ' OR 1=1 --",
    "svix-id": MARKUP,
    "svix-timestamp": "-1",
    "svix-signature": "v1,xx",
  },
];

/**
 * Auth.js (app/api/auth) cannot be loaded by vitest (next-auth imports "next/server"
 * without an extension, which Node's ESM resolver rejects); tests/e2e/security.spec.ts
 * fuzzes it, like every other route, over HTTP against the production build.
 */
const LOADS_ONLY_IN_NEXT = ["api/auth/[...nextauth]"];

/** route.ts files under app/, as URL paths with their dynamic segments named. */
function discoverRoutes(
  dir = path.resolve("app"),
  segments: string[] = [],
): { file: string; segments: string[] }[] {
  const found: { file: string; segments: string[] }[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...discoverRoutes(full, [...segments, name]));
    else if (/^route\.(ts|tsx|js)$/.test(name)) found.push({ file: full, segments });
  }
  return found;
}

/** The request path for a fuzz value: groups dropped, [param] and [...rest] filled in. */
function urlFor(
  segments: string[],
  value: string,
  index: number,
): { url: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const segment of segments) {
    if (/^\(.*\)$/.test(segment)) continue;
    const dynamic = segment.match(/^\[(\.\.\.)?(.+)\]$/);
    if (!dynamic) parts.push(segment);
    else if (dynamic[1]) {
      params[dynamic[2] as string] = [value, "x"];
      parts.push(encodeSegment(value), "x");
    } else if (dynamic[2] === "locale") {
      params.locale = index % 2 ? "en" : value;
      parts.push(encodeSegment(params.locale as string));
    } else {
      params[dynamic[2] as string] = value;
      parts.push(encodeSegment(value));
    }
  }
  const query = new URLSearchParams({
    t: value,
    locale: value,
    token: value,
    email: value,
    dryRun: value,
    ref: value,
  });
  return { url: `http://localhost:3000/${parts.join("/")}?${query}`, params };
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name::text <> '_prisma_migrations'`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

const discovered = discoverRoutes();
const routes = discovered.filter((r) => !LOADS_ONLY_IN_NEXT.includes(r.segments.join("/")));

/** encodeURIComponent that survives lone surrogates (as a browser would send U+FFFD). */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"));
  }
}
let signedIn: { id: string; email: string };

beforeAll(async () => {
  const email = `fuzz-${randomUUID()}@example.test`;
  const user = await db.user.create({ data: { email } });
  await db.pledge.create({
    data: {
      userId: user.id,
      campaignId: "meta-ai-2025",
      country: "DE",
      platforms: ["facebook"],
      locale: "en",
      referralCode: randomUUID().replaceAll("-", "").slice(0, 12),
    },
  });
  signedIn = { id: user.id, email };
});

describe("route handlers under fuzz", () => {
  it("discovers the app's routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const name of LOADS_ONLY_IN_NEXT)
      expect(discovered.some((r) => r.segments.join("/") === name)).toBe(true);
    expect(routes.some((r) => r.segments.join("/") === "api/account/export")).toBe(true);
  });

  for (const route of routes) {
    const name = `/${route.segments.join("/")}`;
    it(`${name}: no 5xx, no reflected markup, no writes`, { timeout: 120_000 }, async () => {
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      const before = await rowCounts();
      let requests = 0;
      for (const method of METHODS) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        for (const [i, value] of STRINGS.entries()) {
          for (const [j, headers] of HEADER_SETS.entries()) {
            const body = method === "GET" || method === "HEAD" ? null : BODIES[(i + j) % BODIES.length];
            const { url, params } = urlFor(route.segments, value, i + j);
            session.user = (i + j) % 2 ? signedIn : null;
            const request = new NextRequest(url, { method, headers, body: body ?? undefined });
            const response = (await handler(request, { params: Promise.resolve(params) })) as Response;
            requests += 1;
            const label = `${method} ${name} value#${i} headers#${j}`;
            expect(response.status, label).toBeLessThan(500);
            const text = method === "HEAD" ? "" : await response.text();
            expect(text, label).not.toContain(MARKUP);
            expect(text, label).not.toContain(IMG);
            expect(response.headers.get("location") ?? "", label).not.toMatch(/[<>"]/);
          }
        }
      }
      session.user = null;
      expect(requests).toBeGreaterThan(0);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it("every route refuses a 2 MB body without reading it all", { timeout: 120_000 }, async () => {
    const before = await rowCounts();
    let requests = 0;
    for (const route of routes) {
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        // Declared (refused on Content-Length) and chunked (cut off while streaming).
        for (const declared of [true, false]) {
          const body = hugeBody(2 * 1024 * 1024);
          const { url, params } = urlFor(route.segments, "x", 1);
          const request = new NextRequest(url, {
            method,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              ...(declared ? { "content-length": String(2 * 1024 * 1024) } : {}),
            },
            body: body.stream,
            duplex: "half",
          } as NonNullable<ConstructorParameters<typeof NextRequest>[1]> & { duplex: "half" });
          const response = (await handler(request, { params: Promise.resolve(params) })) as Response;
          requests += 1;
          const label = `${method} /${route.segments.join("/")} ${declared ? "declared" : "chunked"}`;
          expect(response.status, label).toBeLessThan(500);
          expect(body.pulled(), label).toBeLessThanOrEqual(512 * 1024);
        }
      }
    }
    expect(requests).toBeGreaterThan(0);
    expect(await rowCounts()).toEqual(before);
  });
});

/** A request body of `totalBytes` that counts how much of it a handler read. */
function hugeBody(totalBytes: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      const size = Math.min(16 * 1024, totalBytes - pulled);
      pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}
