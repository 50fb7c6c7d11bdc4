import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";

// A mailed link opens our confirm page, whose button POSTs (same site only) to
// /<locale>/sign-in/confirm/continue. That sets a short-lived cookie bound to the
// link's token and hands on to Auth.js's callback, which refuses a link arriving
// without it (app/api/auth/[...nextauth]/route.ts). So nobody signs a browser in to
// an account it did not choose (login CSRF) without its owner seeing whose account it
// is and pressing the button.

export const CONFIRM_COOKIE = "sign-in-confirmed";
export const CONFIRM_COOKIE_PATH = "/api/auth/callback/email";
export const CONFIRM_COOKIE_MAX_AGE_SECONDS = 10 * 60;

export const confirmLinkSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  email: z.email().max(254),
  // A path on this site ("//host" would leave it).
  callbackUrl: z
    .string()
    .regex(/^\/(?![/\\])/)
    .max(500)
    .optional(),
});
export type ConfirmLink = z.infer<typeof confirmLinkSchema>;

const globalForConfirm = globalThis as unknown as { confirmSecret?: string };

function secret(): string {
  // Auth.js refuses to run without AUTH_SECRET outside local use; there a
  // per-process secret keeps the proof unforgeable all the same.
  globalForConfirm.confirmSecret ??= env().AUTH_SECRET ?? randomBytes(32).toString("hex");
  return globalForConfirm.confirmSecret;
}

/** The cookie value proving this browser pressed the confirm button for `token`. */
export function confirmProof(token: string): string {
  return createHmac("sha256", secret()).update(`sign-in-confirmed:${token}`).digest("base64url");
}

/** Whether `cookie` is the proof for `token`. */
export function hasConfirmProof(cookie: string | undefined, token: string | null): boolean {
  if (!cookie || !token) return false;
  const expected = Buffer.from(confirmProof(token));
  const given = Buffer.from(cookie);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The cookie options of the proof: only ever sent to the email callback, over HTTPS when the site is. */
export function confirmCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: new URL(env().APP_URL).protocol === "https:",
    path: CONFIRM_COOKIE_PATH,
    maxAge: CONFIRM_COOKIE_MAX_AGE_SECONDS,
  };
}

function withLink(url: URL, link: Partial<ConfirmLink>): string {
  for (const key of ["token", "email", "callbackUrl"] as const) {
    const value = link[key];
    if (value) url.searchParams.set(key, value);
  }
  return url.toString();
}

/** Auth.js's email callback for a confirmed link, on APP_URL. */
export function emailCallbackUrl(link: ConfirmLink, locale: string): string {
  return withLink(new URL(CONFIRM_COOKIE_PATH, env().APP_URL), {
    ...link,
    callbackUrl: link.callbackUrl ?? `/${locale}/dashboard`,
  });
}

/** The confirm page for a link (whatever of it is given), on APP_URL. */
export function confirmPageUrl(locale: string, link: Partial<ConfirmLink>): string {
  return withLink(new URL(`/${locale}/sign-in/confirm`, env().APP_URL), link);
}
