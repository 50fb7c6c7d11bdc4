import { describe, expect, it } from "vitest";
import { isNextStart, parseEnv } from "@/lib/env";

// Settings under which no client address can be right are refused at start-up (and at
// `next build` on Vercel), with one line.
const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) };
const NEXT_START = ["/usr/bin/node", "/app/node_modules/.bin/next", "start", "-p", "3000"];
const NEXT_BIN_START = ["/usr/bin/node", "/app/node_modules/next/dist/bin/next", "start"];
const OUR_SERVER = ["/usr/bin/node", "/app/scripts/server.ts", "--port", "3000"];
const NEXT_BUILD = ["/usr/bin/node", "/app/node_modules/.bin/next", "build"];

describe("client address settings", () => {
  it("recognises `next start` and nothing else", () => {
    expect(isNextStart(NEXT_START)).toBe(true);
    expect(isNextStart(NEXT_BIN_START)).toBe(true);
    expect(isNextStart(OUR_SERVER)).toBe(false);
    expect(isNextStart(NEXT_BUILD)).toBe(false);
    expect(isNextStart(["/usr/bin/node", "/app/scripts/launch.ts", "start"])).toBe(false);
  });

  it("refuses `next start` in production: it passes a client-sent X-Forwarded-For through", () => {
    expect(() => parseEnv(production, NEXT_START)).toThrowError(
      /^Invalid setup: `next start` cannot tell clients apart .*`npm start` \(scripts\/server\.ts\)$/,
    );
    expect(() => parseEnv(production, NEXT_BIN_START)).toThrowError(/Invalid setup/);
  });

  it("accepts the production server, `next build`, and `next start` outside production", () => {
    expect(parseEnv(production, OUR_SERVER).NODE_ENV).toBe("production");
    expect(parseEnv(production, NEXT_BUILD).NODE_ENV).toBe("production");
    expect(parseEnv({ NODE_ENV: "development" }, NEXT_START).NODE_ENV).toBe("development");
  });

  it("refuses TRUSTED_PROXY_HOPS > 0 on Vercel, whose edge sets the client's address itself", () => {
    expect(() => parseEnv({ ...production, VERCEL: "1", TRUSTED_PROXY_HOPS: "1" }, NEXT_BUILD)).toThrowError(
      /^Invalid environment variable TRUSTED_PROXY_HOPS: must be 0 on Vercel/,
    );
    expect(parseEnv({ ...production, VERCEL: "1" }, NEXT_BUILD).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...production, TRUSTED_PROXY_HOPS: "2" }, OUR_SERVER).TRUSTED_PROXY_HOPS).toBe(2);
  });
});
