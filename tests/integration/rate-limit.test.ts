import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consume, consumeAll } from "@/lib/rate-limit";

describe("rate limits (stored in PostgreSQL)", () => {
  it("allows 3 sign-in emails per address per 15 minutes, then says when to retry", async () => {
    const key = randomUUID();
    for (let i = 0; i < 3; i++) expect(await consume("signInPerEmail", key)).toEqual({ ok: true });
    const refused = await consume("signInPerEmail", key);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    expect(await consume("signInPerEmail", randomUUID())).toEqual({ ok: true });
  });

  it("allows 20 per IP address per hour", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let i = 0; i < 20; i++) expect((await consume("signInPerIp", ip)).ok).toBe(true);
    const refused = await consume("signInPerIp", ip);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(59 * 60);
  });

  it("combines limits, reporting the longest wait", async () => {
    const email = randomUUID();
    for (let i = 0; i < 3; i++) await consume("signInPerEmail", email);
    const result = await consumeAll([
      ["signInPerEmail", email],
      ["signInPerIp", randomUUID()],
    ]);
    expect(result.ok).toBe(false);
  });

  it("holds across instances: limits share one table, not process memory", async () => {
    const key = randomUUID();
    await Promise.all(Array.from({ length: 3 }, () => consume("signInPerEmail", key)));
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const row = await client.query("SELECT points FROM rate_limits WHERE key = $1", [
      `signInPerEmail:${key}`,
    ]);
    await client.end();
    expect(row.rows[0]?.points).toBe(3);
  });
});
