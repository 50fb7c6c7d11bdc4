import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { requestSignIn } from "@/lib/actions/request-sign-in";
import { savePledge } from "@/lib/pledges/create-pledge";
import { runAction, statementsOf } from "./abuse-helpers";

// Attack: tell who has pledged from the sign-in form, by the work it does (and so
// the time it takes) for a registered address and for an unknown one. Timing-free:
// both must send PostgreSQL the same sequence of statements.

const request = vi.hoisted(() => ({ ip: "203.0.113.1" }));
vi.mock("next-auth", async () => ({ default: (await import("./abuse-helpers")).nextAuthOverCore }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null, requireUser: async () => null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.ip }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined }),
}));
// The outbox drain runs on its own timer after a request; its statements are not the
// request's, and would land in whichever measurement it happens to overlap.
vi.mock("@/lib/mail/kick", () => ({
  kickOutbox: () => undefined,
  drainUntilIdle: async () => ({ batches: 0, sent: 0, skipped: 0, failed: 0, deferred: 0, rateLimited: 0 }),
}));

async function pledged(): Promise<string> {
  const email = `known-${randomUUID()}@example.test`;
  await savePledge(
    { email, country: "DE", platforms: ["facebook"], remindersConsent: false, locale: "en" },
    { consentText: "x", now: new Date(), signupNetworkHash: null },
  );
  return email;
}

async function signInStatements(email: string): Promise<{ answer: unknown; statements: string[] }> {
  request.ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID()}`;
  let answer: unknown;
  const statements = await statementsOf(async () => {
    answer = await runAction(requestSignIn, { email, locale: "en" });
  });
  // Expired rate-limit rows are purged on a random share of requests, whoever sends them.
  return { answer, statements: statements.filter((s) => s !== "DELETE rate_limits") };
}

/** "SELECT <table>", "BEGIN" and "COMMIT" as they are; every INSERT, UPDATE or DELETE as "write". */
const kindOf = (statement: string) => (/^(INSERT|UPDATE|DELETE)\b/.test(statement) ? "write" : statement);

beforeAll(async () => {
  // First calls open connections and load templates: warm both paths up.
  await signInStatements(await pledged());
  await signInStatements(`warm-${randomUUID()}@example.test`);
});

describe("attack: telling registered addresses from unknown ones by the sign-in form's work", () => {
  it("answers the same and runs the same statements, in kind and number, for both", async () => {
    const known = await signInStatements(await pledged());
    const unknown = await signInStatements(`stranger-${randomUUID()}@example.test`);

    expect(known.answer).toEqual({ redirect: "/en/sign-in/check-email" });
    expect(unknown.answer).toEqual(known.answer);
    // The link really went out for the registered address (Auth.js stored a token).
    expect(known.statements).toContain("INSERT verification_tokens");

    // Compared as multisets: the statements of parallel steps (Auth.js stores the
    // token while the email is queued) may interleave differently from run to run.
    expect(unknown.statements).toHaveLength(known.statements.length);
    expect(unknown.statements.map(kindOf).sort()).toEqual(known.statements.map(kindOf).sort());
  });

  it("leaves the database queries to lib/pledges", () => {
    const source = readFileSync("lib/actions/request-sign-in.ts", "utf8");
    expect(source).not.toMatch(/from "@\/lib\/db"/);
    expect(source).toMatch(/findPledgedUser/);
  });
});
