import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { savePledge } from "@/lib/pledges/create-pledge";
import { authRequests, countingBody } from "./abuse-helpers";

// Attack: request magic links through Auth.js's own sign-in endpoint (skipping our
// forms' validation and rate limits) with a path the route's old prefix check missed
// but Auth.js still reads as "signin": doubled slashes, encoded slashes, and so on.

vi.mock("next-auth", async () => ({ default: (await import("./abuse-helpers")).nextAuthOverCore }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null, requireUser: async () => null }));

const APP = env().APP_URL;

/** A CSRF token and its cookie, as anyone can fetch them from /api/auth/csrf. */
async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await GET(new NextRequest(`${APP}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token: csrfToken, cookie };
}

async function pledged(): Promise<string> {
  const email = `victim-${randomUUID()}@example.test`;
  await savePledge(
    { email, country: "DE", platforms: ["facebook"], remindersConsent: false, locale: "en" },
    { consentText: "x", now: new Date(), signupNetworkHash: null },
  );
  return email;
}

const PATHS = [
  "/api/auth/signin/email",
  "/api/auth//signin/email",
  "/api/auth///signin//email",
  "/api/auth/signin%2Femail",
  "/api/auth/%73ignin/email",
  "/api/auth/%2573ignin/email",
  "/api/auth/SignIn/email",
  "/api/auth/signin/email/",
  "/api/auth/./signin/email",
  "/api/auth/%2Fsignin/email",
  "/api/auth\\signin\\email",
];

beforeEach(() => {
  authRequests.length = 0;
});

describe("attack: Auth.js's own sign-in reached through another spelling of its path", () => {
  it.each(PATHS)("POST %s is refused before Auth.js, and mails nothing", async (path) => {
    const email = await pledged();
    const { token, cookie } = await csrf();
    authRequests.length = 0;
    const response = await POST(
      new NextRequest(`${APP}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ email, csrfToken: token, callbackUrl: "/en/dashboard" }),
      }),
    );
    expect(response.status).toBe(404);
    expect(authRequests).toEqual([]);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
  });

  it("still passes the rest of Auth.js through (sign-out, session)", async () => {
    const { token, cookie } = await csrf();
    authRequests.length = 0;
    const response = await POST(
      new NextRequest(`${APP}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken: token, callbackUrl: "/en" }),
      }),
    );
    expect(authRequests).toHaveLength(1);
    expect(response.status).toBeLessThan(400);
  });

  it("refuses a 2 MB body without reading it all", async () => {
    const body = countingBody(2 * 1024 * 1024);
    const response = await POST(
      new NextRequest(`${APP}/api/auth/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: body.stream,
        duplex: "half",
      } as NonNullable<ConstructorParameters<typeof NextRequest>[1]> & { duplex: "half" }),
    );
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThan(128 * 1024);
    expect(authRequests).toEqual([]);
  });
});
