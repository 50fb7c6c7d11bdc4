import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

// Every server action in lib/actions (found by reading the folder, so new actions are
// covered) gets hundreds of malformed forms through its real FormData parsing and zod
// schema, signed out and signed in: it must answer a result (or redirect), never throw
// or fail unexpectedly, never echo markup, never add or remove a row. tests/e2e/security.spec.ts sends the same kind
// of forms over HTTP to the built app with each action's Next-Action id.

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => {
  const jar = {
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  };
  return { headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }), cookies: async () => jar };
});
// next-auth cannot load under vitest (see fuzz-routes.test.ts). Sign-in is reached only
// after a schema accepted the input, which these forms never are; sign-out, like
// Auth.js's, redirects, and only ever to a path of this site.
vi.mock("@/lib/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    signIn: async () => {
      throw new Error("signIn reached with fuzz input");
    },
    signOut: async ({ redirectTo }: { redirectTo: string }) => {
      if (!/^\/[a-z]{2}$/.test(redirectTo)) throw new Error(`sign-out to ${redirectTo}`);
      redirect(redirectTo);
    },
    auth: async () => null,
  };
});

const MARKUP = '<script>alert("xss")</script>';
const VALUES = [
  "",
  MARKUP,
  "<img src=x onerror=alert(1)>",
  "' OR 1=1; --",
  "'; DELETE FROM pledges; --",
  "\u0000",
  "\ud800",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "🏳️‍🌈".repeat(40),
  "A".repeat(100_000),
  "-1",
  "NaN",
  "1e309",
  "{}",
  "[object Object]",
  "../../etc/passwd",
];
const FIELDS = [
  "email",
  "firstName",
  "country",
  "platforms",
  "remindersConsent",
  "locale",
  "referralCode",
  "platform",
  "status",
  "accountIndex",
  "submissionId",
  "id",
  "confirm",
  "enabled",
  "t",
  "token",
  "linked",
  "note",
  "accountIdentifier",
  "accounts_facebook",
  "accounts_instagram",
];

type Action = (...args: unknown[]) => Promise<unknown>;

/** Exported functions of every "use server" module in lib/actions. */
async function discoverActions(): Promise<{ name: string; action: Action }[]> {
  const dir = path.resolve("lib/actions");
  const found: { name: string; action: Action }[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
    const full = path.join(dir, file);
    if (!/^\s*["']use server["']/.test(readFileSync(full, "utf8"))) continue;
    const mod = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.push({ name: `${file}#${name}`, action: value as Action });
    }
  }
  return found;
}

function fuzzForms(): FormData[] {
  const forms: FormData[] = [new FormData()];
  for (const [i, value] of VALUES.entries()) {
    const every = new FormData();
    for (const field of FIELDS) every.append(field, value);
    forms.push(every);
    // Valid locale, everything else garbage: reaches past the first check.
    const withLocale = new FormData();
    for (const field of FIELDS) withLocale.append(field, field === "locale" ? "en" : value);
    forms.push(withLocale);
    // Missing fields: only some, repeated ones, a file where text is expected.
    const sparse = new FormData();
    sparse.append(FIELDS[i % FIELDS.length] as string, value);
    sparse.append(FIELDS[(i + 3) % FIELDS.length] as string, value);
    sparse.append(FIELDS[(i + 3) % FIELDS.length] as string, value);
    sparse.append("platforms", new Blob([value]), "x.txt");
    forms.push(sparse);
  }
  return forms;
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

const isRedirect = (error: unknown) =>
  error instanceof Error && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT");

let signedIn: { id: string; email: string };

beforeAll(async () => {
  const email = `fuzz-action-${randomUUID()}@example.test`;
  const user = await db.user.create({ data: { email } });
  await db.pledge.create({
    data: {
      userId: user.id,
      campaignId: "meta-ai-2025",
      country: "DE",
      platforms: ["facebook", "instagram"],
      locale: "en",
      verifiedAt: new Date(),
      referralCode: randomUUID().replaceAll("-", "").slice(0, 12),
    },
  });
  signedIn = { id: user.id, email };
});

describe("server actions under fuzz", () => {
  it("finds the app's actions, the account deletion among them", async () => {
    const names = (await discoverActions()).map((a) => a.name);
    expect(names).toContain("delete-account.ts#deleteAccount");
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  it("refuse every malformed form: no exception, no markup, no writes", { timeout: 240_000 }, async () => {
    const actions = await discoverActions();
    const forms = fuzzForms();
    const before = await rowCounts();
    let calls = 0;
    for (const { name, action } of actions) {
      for (const [i, form] of forms.entries()) {
        session.user = i % 2 ? signedIn : null;
        const label = `${name} form#${i}`;
        let result: unknown;
        try {
          // Actions built with defineAction take (previous state, form); plain ones take the form.
          result = action.length >= 2 ? await action(null, form) : await action(form);
        } catch (error) {
          expect(isRedirect(error), `${label}: ${String(error)}`).toBe(true);
          continue;
        } finally {
          calls += 1;
        }
        if (result && typeof result === "object" && "ok" in result) {
          expect((result as { error?: string }).error, label).not.toBe("unexpected");
        }
        const text = JSON.stringify(result ?? null);
        expect(text, label).not.toContain("<script");
        expect(text, label).not.toContain("<img");
      }
    }
    session.user = null;
    expect(calls).toBeGreaterThanOrEqual(300);
    expect(await rowCounts()).toEqual(before);
    expect(await db.user.count({ where: { id: signedIn.id } })).toBe(1);
  });

  it("refuse 2 MB forms, which Next refuses before any action at 64 KB", { timeout: 120_000 }, async () => {
    // Over HTTP, Next answers an action body over bodySizeLimit with an error before
    // parsing it: the limit is checked here, the parsing in tests/e2e/security.spec.ts.
    const { default: config } = await import("@/next.config");
    expect(config.experimental?.serverActions?.bodySizeLimit).toBe("64kb");

    const huge = "A".repeat(2 * 1024 * 1024);
    const form = new FormData();
    for (const field of FIELDS) form.append(field, field === "locale" ? "en" : huge);
    form.append("platforms", new Blob([huge]), "x.txt");
    const before = await rowCounts();
    for (const { name, action } of await discoverActions()) {
      for (const user of [null, signedIn]) {
        session.user = user;
        try {
          const result = action.length >= 2 ? await action(null, form) : await action(form);
          if (result && typeof result === "object" && "ok" in result) {
            expect((result as { error?: string }).error, name).not.toBe("unexpected");
          }
          // Refused with field errors (or, for actions without fields, simply done):
          // never an echo of the megabytes it was sent.
          expect(JSON.stringify(result ?? null).length, name).toBeLessThan(10_000);
        } catch (error) {
          expect(isRedirect(error), `${name}: ${String(error)}`).toBe(true);
        }
      }
    }
    session.user = null;
    expect(await rowCounts()).toEqual(before);
  });
});
