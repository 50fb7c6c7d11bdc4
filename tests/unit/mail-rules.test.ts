import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backoffMs, batchIdempotencyKey, MAX_ATTEMPTS } from "@/lib/mail/outbox";
import { RequestRateLimiter } from "@/lib/mail/rate-limiter";
import { campaignHeaders, signInIdempotencyKey } from "@/lib/mail/send";
import { classifyError, parseRetryAfter } from "@/lib/mail/send-batch";
import { hashEmail, isSkippedBySuppression, isSuppressible } from "@/lib/mail/suppression";

describe("hashEmail", () => {
  it("is the SHA-256 hex of the trimmed, lower-cased address", () => {
    const expected = createHash("sha256").update("ada@example.org").digest("hex");
    expect(hashEmail("ada@example.org")).toBe(expected);
    expect(hashEmail("  Ada@Example.ORG\n")).toBe(expected);
    expect(hashEmail("ada@example.org")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEmail("bob@example.org")).not.toBe(expected);
  });
});

describe("suppression rule", () => {
  it("always sends transactional mail", () => {
    for (const reason of ["UNSUBSCRIBE", "BOUNCE", "COMPLAINT", null] as const) {
      expect(isSkippedBySuppression("sign-in", reason)).toBe(false);
      expect(isSkippedBySuppression("pledge-confirmed", reason)).toBe(false);
    }
    expect(isSuppressible("sign-in")).toBe(false);
  });

  it("skips campaign mail for any suppression, and only then", () => {
    for (const reason of ["UNSUBSCRIBE", "BOUNCE", "COMPLAINT"] as const) {
      expect(isSkippedBySuppression("reminder", reason)).toBe(true);
    }
    expect(isSkippedBySuppression("reminder", null)).toBe(false);
    expect(isSuppressible("some-future-kind")).toBe(true);
  });
});

describe("campaignHeaders", () => {
  it("offers one-click unsubscribe (RFC 8058)", () => {
    expect(campaignHeaders("https://app.example/u/abc")).toEqual({
      "List-Unsubscribe": "<https://app.example/u/abc>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});

describe("idempotency keys", () => {
  it("derives the sign-in key from the token, without containing it", () => {
    const a = signInIdempotencyKey("https://app.example/en/sign-in/confirm?token=secret-1&email=a");
    expect(a).toBe(signInIdempotencyKey("https://app.example/en/sign-in/confirm?email=a&token=secret-1"));
    expect(a).not.toBe(signInIdempotencyKey("https://app.example/en/sign-in/confirm?token=secret-2&email=a"));
    expect(a).not.toContain("secret");
    expect(a).toMatch(/^sign-in-[0-9a-f]{40}$/);
  });

  it("names a batch's key after the batch", () => {
    expect(batchIdempotencyKey("b1")).toBe("outbox-batch-b1");
  });
});

describe("Resend errors", () => {
  const error = (statusCode: number | null, name = "application_error") =>
    ({ statusCode, name, message: "m" }) as Parameters<typeof classifyError>[0];

  it("waits on 429 for retry-after", () => {
    expect(classifyError(error(429, "rate_limit_exceeded"), { "retry-after": "2" })).toEqual({
      ok: false,
      kind: "rate_limited",
      retryAfterMs: 2000,
    });
    expect(classifyError(error(429, "rate_limit_exceeded"), null)).toMatchObject({ retryAfterMs: 1000 });
  });

  it("retries server errors, lost connections and quota errors later", () => {
    expect(classifyError(error(500, "internal_server_error"), null)).toMatchObject({ kind: "transient" });
    expect(classifyError(error(503), null)).toMatchObject({ kind: "transient" });
    expect(classifyError(error(null), null)).toMatchObject({ kind: "transient" });
    expect(classifyError(error(429, "daily_quota_exceeded"), null)).toMatchObject({ kind: "transient" });
    expect(classifyError(error(409, "concurrent_idempotent_requests"), null)).toMatchObject({
      kind: "transient",
    });
  });

  it("gives up on validation and auth errors", () => {
    expect(classifyError(error(422, "validation_error"), null)).toMatchObject({ kind: "permanent" });
    expect(classifyError(error(401, "missing_api_key"), null)).toMatchObject({ kind: "permanent" });
    expect(classifyError(error(409, "invalid_idempotent_request"), null)).toMatchObject({
      kind: "permanent",
    });
  });

  it("reads retry-after as seconds or as a date", () => {
    expect(parseRetryAfter("1")).toBe(1000);
    expect(parseRetryAfter("0.5")).toBe(500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("retry schedule", () => {
  it("backs off exponentially, capped at an hour", () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(3)).toBe(120_000);
    expect(backoffMs(20)).toBe(60 * 60_000);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
  });
});

describe("RequestRateLimiter", () => {
  it("lets N requests through per rolling second, counted from their answers", async () => {
    const limiter = new RequestRateLimiter(() => 2);
    const started: number[] = [];
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) {
      const release = await limiter.acquire();
      started.push(Date.now() - t0);
      release();
    }
    expect(started[1]).toBeLessThan(200);
    expect(started[2]).toBeGreaterThanOrEqual(1000);
  });

  it("holds every request back after a pause", async () => {
    const limiter = new RequestRateLimiter(() => 10);
    limiter.pause(300);
    const t0 = Date.now();
    (await limiter.acquire())();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });
});
