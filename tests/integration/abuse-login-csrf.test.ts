import { createHash, randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as CONTINUE } from "@/app/[locale]/(auth)/sign-in/confirm/continue/route";
import ConfirmSignInPage from "@/app/[locale]/(auth)/sign-in/confirm/page";
import { GET } from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { savePledge } from "@/lib/pledges/create-pledge";
import { authRequests } from "./abuse-helpers";

// Attack (login CSRF): get someone's browser signed in to the attacker's account (whose
// magic link the attacker has) without them noticing, by sending them the link, or by
// a page on another site that submits it, so that what they then do lands in it.

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("next-auth", async () => ({ default: (await import("./abuse-helpers")).nextAuthOverCore }));
vi.mock("next-intl/server", async () => (await import("./abuse-helpers")).nextIntlServer());
// Our navigation (next/link) cannot load outside Next (extensionless "next/navigation").
vi.mock("@/lib/i18n/navigation", async () => {
  const { createElement } = await import("react");
  return { Link: (props: { href: string }) => createElement("a", props) };
});
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));

const APP = env().APP_URL;

/** A real magic link for a pledged address, stored as Auth.js stores it. */
async function magicLink(): Promise<{ email: string; token: string }> {
  const email = `attacker-${randomUUID()}@example.test`;
  await savePledge(
    { email, country: "DE", platforms: ["facebook"], remindersConsent: false, locale: "en" },
    { consentText: "x", now: new Date(), signupNetworkHash: null },
  );
  const token = randomBytes(32).toString("hex");
  const hashed = createHash("sha256").update(`${token}${process.env.AUTH_SECRET}`).digest("hex");
  await db.verificationToken.create({
    data: { identifier: email, token: hashed, expires: new Date(Date.now() + 3_600_000) },
  });
  return { email, token };
}

const tokensLeft = (email: string) => db.verificationToken.count({ where: { identifier: email } });

function callbackRequest(link: { email: string; token: string }, cookie?: string): NextRequest {
  const url = new URL("/api/auth/callback/email", APP);
  url.search = new URLSearchParams({ ...link, callbackUrl: `${APP}/de/dashboard` }).toString();
  return new NextRequest(url, { headers: cookie ? { cookie } : {} });
}

function continueRequest(link: { email: string; token: string }, headers: Record<string, string>) {
  const body = new URLSearchParams({ ...link, callbackUrl: "/de/dashboard" }).toString();
  return new NextRequest(new URL("/de/sign-in/confirm/continue", APP), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

const params = { params: Promise.resolve({ locale: "de" }) };

beforeEach(() => {
  authRequests.length = 0;
  session.user = null;
});

describe("attack: login CSRF with someone else's magic link", () => {
  it("a link opened straight at Auth.js's callback signs nobody in: it shows the confirm page", async () => {
    const link = await magicLink();
    const response = await GET(callbackRequest(link));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(`${APP}/de/sign-in/confirm`);
    expect(location.searchParams.get("email")).toBe(link.email);
    expect(response.headers.get("set-cookie") ?? "").not.toMatch(/session-token/);
    expect(authRequests).toEqual([]);
    expect(await tokensLeft(link.email)).toBe(1);
  });

  it("a form on another site posting the link gets the confirm page back, not a session", async () => {
    const link = await magicLink();
    const senders: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { origin: "https://evil.example" },
      {},
    ];
    for (const headers of senders) {
      const response = await CONTINUE(continueRequest(link, headers), params);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toMatch(new RegExp(`^${APP}/de/sign-in/confirm\\?`));
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(await tokensLeft(link.email)).toBe(1);
  });

  it("the confirm page's own POST continues to Auth.js, which signs in once", async () => {
    const link = await magicLink();
    const posted = await CONTINUE(
      continueRequest(link, { "sec-fetch-site": "same-origin", origin: APP }),
      params,
    );
    expect(posted.status).toBe(303);
    const next = new URL(posted.headers.get("location") ?? "");
    expect(`${next.origin}${next.pathname}`).toBe(`${APP}/api/auth/callback/email`);
    expect(next.searchParams.get("callbackUrl")).toBe("/de/dashboard");
    const proof = posted.headers.get("set-cookie") ?? "";
    expect(proof).toMatch(/^sign-in-confirmed=[^;]+; Path=\/api\/auth\/callback\/email;.*HttpOnly/i);

    const callback = await GET(new NextRequest(next, { headers: { cookie: proof.split(";")[0] ?? "" } }));
    expect(authRequests).toHaveLength(1);
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe(`${APP}/de/dashboard`);
    expect(callback.headers.getSetCookie().join("\n")).toMatch(/session-token=/);
    expect(await tokensLeft(link.email)).toBe(0);

    // Used once: the same link, confirmed again, ends on Auth.js's error page.
    const again = await CONTINUE(continueRequest(link, { "sec-fetch-site": "same-origin" }), params);
    const refused = await GET(
      new NextRequest(again.headers.get("location") ?? "", {
        headers: { cookie: (again.headers.get("set-cookie") ?? "").split(";")[0] ?? "" },
      }),
    );
    expect(refused.headers.get("location")).toBe(`${APP}/en/sign-in/error?error=Verification`);

    // The proof is bound to its token: it opens no other link.
    const other = await magicLink();
    const reused = await GET(callbackRequest(other, proof.split(";")[0]));
    expect(reused.status).toBe(302);
    expect(reused.headers.get("location")).toMatch(`${APP}/de/sign-in/confirm?`);
    expect(await tokensLeft(other.email)).toBe(1);
  });

  it("the confirm page posts, names the account, and warns when it switches accounts", async () => {
    const link = await magicLink();
    const render = async () =>
      renderToStaticMarkup(
        await ConfirmSignInPage({
          params: Promise.resolve({ locale: "en" }),
          searchParams: Promise.resolve({ ...link, callbackUrl: `${APP}/en/dashboard` }),
        }),
      );
    const alone = await render();
    const form = alone.match(/<form[^>]*>/)?.[0] ?? "";
    expect(form).toContain('method="post"');
    expect(form).toContain('action="/en/sign-in/confirm/continue"');
    expect(alone).toContain("This link signs you in as:");
    expect(alone).toContain(link.email);
    expect(alone).not.toContain("is signed in on this browser");

    session.user = { id: "someone", email: `victim-${randomUUID()}@example.test` };
    const switching = await render();
    expect(switching).toContain(
      `${session.user.email} is signed in on this browser. If you continue, ${session.user.email} is signed out and you are signed in as ${link.email}.`,
    );

    session.user = { id: "same", email: link.email };
    expect(await render()).not.toContain("is signed in on this browser");
  });
});
