import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults to an empty environment", () => {
    const env = parseEnv({});
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.RESEND_REQUESTS_PER_SECOND).toBe(2);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ RESEND_API_KEY: "", DATABASE_URL: "" }).RESEND_API_KEY).toBeUndefined();
  });

  it("names a malformed variable in one line", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrowError(
      /^Invalid environment variable DATABASE_URL: must be a postgres/,
    );
    try {
      parseEnv({ DATABASE_URL: "mysql://x" });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as Error).message.split("\n")).toHaveLength(1);
    }
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(
      "Invalid environment variable AUTH_SECRET: is required in production",
    );
  });

  it("rejects a deadline override without an offset", () => {
    expect(() => parseEnv({ CAMPAIGN_DEADLINE: "2025-05-27" })).toThrowError(/CAMPAIGN_DEADLINE/);
    expect(parseEnv({ CAMPAIGN_DEADLINE: "2026-01-01T00:00:00+01:00" }).CAMPAIGN_DEADLINE).toBe(
      "2026-01-01T00:00:00+01:00",
    );
  });

  it("rejects keys of the wrong shape", () => {
    expect(() => parseEnv({ RESEND_API_KEY: "abc" })).toThrowError(/RESEND_API_KEY: must start with re_/);
    expect(() => parseEnv({ RESEND_WEBHOOK_SECRET: "abc" })).toThrowError(/RESEND_WEBHOOK_SECRET/);
    expect(() => parseEnv({ RESEND_REQUESTS_PER_SECOND: "fast" })).toThrowError(/RESEND_REQUESTS_PER_SECOND/);
  });
});
