import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestSignIn } from "@/lib/actions/request-sign-in";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { runAction } from "./abuse-helpers";

// Attack: a flood of sign-in requests from many addresses and many IP addresses,
// each under its own limit, that together would burn the sending domain.

const CEILING = 4;
const request = vi.hoisted(() => {
  process.env.RATE_LIMIT_SIGNIN_GLOBAL_PER_HOUR = "4";
  return { ip: "203.0.113.1" };
});
vi.mock("next-auth", async () => ({ default: (await import("./abuse-helpers")).nextAuthOverCore }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null, requireUser: async () => null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.ip }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined }),
}));

const clearCeiling = () => db.rateLimit.deleteMany({ where: { key: { startsWith: "signInGlobal:" } } });

beforeAll(clearCeiling);
afterAll(async () => {
  await clearCeiling();
  delete process.env.RATE_LIMIT_SIGNIN_GLOBAL_PER_HOUR;
});

describe("attack: a flood of sign-in requests from many addresses", () => {
  it("stops at the hourly ceiling with 'try again later', and alerts once", async () => {
    const alerts = vi.spyOn(logger, "error");
    const answers = [];
    for (let i = 0; i < CEILING + 3; i++) {
      request.ip = `198.51.100.${i + 1}-${randomUUID()}`;
      answers.push(
        await runAction(requestSignIn, { email: `flood-${randomUUID()}@example.test`, locale: "en" }),
      );
    }
    expect(answers.slice(0, CEILING)).toEqual(Array(CEILING).fill({ redirect: "/en/sign-in/check-email" }));
    for (const answer of answers.slice(CEILING)) {
      expect(answer).toMatchObject({ result: { ok: false, error: "rate_limited" } });
      const wait = (answer as { result: { retryAfterSeconds: number } }).result.retryAfterSeconds;
      expect(wait).toBeGreaterThan(50 * 60);
      expect(wait).toBeLessThanOrEqual(60 * 60);
    }
    const ceilingAlerts = alerts.mock.calls.filter(([fields]) => {
      return (
        typeof fields === "object" && fields !== null && "limit" in fields && fields.limit === "signInGlobal"
      );
    });
    expect(ceilingAlerts).toHaveLength(1);
  });

  it("does not spend the ceiling on requests another limit already refused", async () => {
    await clearCeiling();
    request.ip = `198.51.100.200-${randomUUID()}`;
    const email = `same-${randomUUID()}@example.test`;
    for (let i = 0; i < 6; i++) await runAction(requestSignIn, { email, locale: "en" });
    const row = await db.rateLimit.findUnique({ where: { key: "signInGlobal:all" } });
    expect(row?.points).toBe(3);
  });
});
