import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

// The organiser role on the server: every organiser action, found by walking the
// console's pages in app/ for the actions they import, answers a 404 (Next's notFound)
// to a signed-out visitor and to a signed-in person without the role, and writes
// nothing, not even an audit entry; the console's layout refuses them the same way.
// tests/e2e/organiser.spec.ts proves the 404 over HTTP for every page.

const ORGANISER = vi.hoisted(() => {
  const email = `organiser-${Date.now()}@example.test`;
  process.env.ORGANISER_EMAILS = `someone-else@example.test, ${email.toUpperCase()}`;
  return email;
});
const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: () => undefined,
}));

const CONSOLE = path.resolve("app/[locale]/(organiser)");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Every page of the console, as its URL path under /<locale>. */
function organiserPages(): string[] {
  return walk(CONSOLE)
    .filter((file) => file.endsWith("page.tsx"))
    .map((file) => `/${path.relative(CONSOLE, path.dirname(file)).split(path.sep).join("/")}`)
    .sort();
}

/** Every server-action module ("use server") the console's files import. */
function organiserActionModules(): string[] {
  const modules = new Set<string>();
  for (const file of walk(CONSOLE).filter((f) => /\.tsx?$/.test(f))) {
    for (const match of readFileSync(file, "utf8").matchAll(/from "@\/(lib\/actions\/[\w/-]+)"/g)) {
      modules.add(`${match[1]}.ts`);
    }
  }
  return [...modules].filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8"))).sort();
}

const isNotFound = (error: unknown) =>
  error instanceof Error && "digest" in error && String(error.digest) === "NEXT_HTTP_ERROR_FALLBACK;404";

type Action = (previous: unknown, form: FormData) => Promise<unknown>;

async function actions(): Promise<{ name: string; action: Action }[]> {
  const found: { name: string; action: Action }[] = [];
  for (const file of organiserActionModules()) {
    const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.push({ name: `${file}#${name}`, action: value as Action });
    }
  }
  return found;
}

let organiser: { id: string; email: string };
let person: { id: string; email: string };

beforeAll(async () => {
  organiser = await db.user.create({ data: { email: ORGANISER }, select: { id: true, email: true } });
  person = await db.user.create({
    data: { email: `person-${randomUUID()}@example.test` },
    select: { id: true, email: true },
  });
});

describe("organiser role", () => {
  it("finds the console's pages and actions by walking app/", async () => {
    expect(organiserPages()).toEqual([
      "/organiser",
      "/organiser/audit",
      "/organiser/health",
      "/organiser/reminders",
      "/organiser/reviews",
    ]);
    const names = (await actions()).map((a) => a.name);
    expect(names).toEqual([
      "lib/actions/organiser/approve-referrals.ts#approveReferralsAction",
      "lib/actions/organiser/dismiss-referrals.ts#dismissReferralsAction",
      "lib/actions/organiser/resolve-link-reports.ts#resolveLinkReportsAction",
      "lib/actions/organiser/send-reminder.ts#sendReminderAction",
    ]);
    // Every action file in the folder is reached from a page (none escapes this test).
    const folder = readdirSync("lib/actions/organiser").filter((f) => f !== "schema.ts");
    expect(folder.map((f) => `lib/actions/organiser/${f}`).sort()).toEqual(organiserActionModules());
  });

  it("answers 404 to a signed-out visitor and to a non-organiser, on every action, writing nothing", async () => {
    const before = await db.organiserAuditEntry.count();
    for (const user of [null, person]) {
      session.user = user;
      for (const { name, action } of await actions()) {
        const form = new FormData();
        form.set("platform", "facebook");
        form.set("referrer", "p123");
        let outcome = "answered";
        try {
          await action(null, form);
        } catch (error) {
          outcome = isNotFound(error) ? "404" : String(error);
        }
        expect(outcome, `${name} as ${user ? "non-organiser" : "signed out"}`).toBe("404");
      }
    }
    expect(await db.organiserAuditEntry.count()).toBe(before);
  });

  it("refuses the console's layout to both as well", async () => {
    const { requireOrganiser } = await import("@/lib/auth/organiser");
    for (const user of [null, person]) {
      session.user = user;
      await expect(requireOrganiser()).rejects.toSatisfy(isNotFound);
    }
    session.user = organiser;
    await expect(requireOrganiser()).resolves.toEqual(organiser);
    const layout = readFileSync(path.join(CONSOLE, "layout.tsx"), "utf8");
    expect(layout).toMatch(/await requireOrganiser\(\)/);
    expect(layout).toMatch(/await connection\(\)/);
  });

  it("runs an organiser's action and records it in the audit log, with its outcome", async () => {
    session.user = organiser;
    const { resolveLinkReportsAction } = await import("@/lib/actions/organiser/resolve-link-reports");
    await db.linkReport.create({
      data: { campaignId: "meta-ai-2025", platform: "instagram", userId: person.id },
    });
    const form = new FormData();
    form.set("platform", "instagram");
    expect(await resolveLinkReportsAction(null, form)).toEqual({ ok: true, data: { resolved: 1 } });
    const bad = new FormData();
    bad.set("platform", "<script>");
    expect(await resolveLinkReportsAction(null, bad)).toMatchObject({ ok: false, error: "invalid" });
    const entries = await db.organiserAuditEntry.findMany({
      where: { userId: organiser.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, target: true, result: true, detail: true },
    });
    expect(entries).toEqual([
      { action: "resolve-link-reports", target: "instagram", result: "ok", detail: { resolved: 1 } },
      { action: "resolve-link-reports", target: null, result: "invalid", detail: null },
    ]);
  });

  it("puts the audit entries in the organiser's export, and erases them with the account", async () => {
    const { exportPersonalData } = await import("@/lib/privacy/export");
    const { eraseUser } = await import("@/lib/privacy/erase");
    const data = await exportPersonalData(organiser.id);
    expect(data?.organiserAuditEntries.map((e) => e.action)).toEqual([
      "resolve-link-reports",
      "resolve-link-reports",
    ]);
    expect((await exportPersonalData(person.id))?.organiserAuditEntries).toEqual([]);
    await eraseUser(organiser.id);
    expect(await db.organiserAuditEntry.count({ where: { userId: organiser.id } })).toBe(0);
  });
});
