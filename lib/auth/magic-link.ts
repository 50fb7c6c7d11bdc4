import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

export const MAGIC_LINK_MAX_AGE_SECONDS = 24 * 60 * 60;

/** `url` if it points into the app (relative or on APP_URL's origin), else the app's home. */
export function appRedirect(url: string): string {
  const origin = new URL(env().APP_URL).origin;
  if (url.startsWith("/") && !url.startsWith("//")) return `${origin}${url}`;
  try {
    if (new URL(url).origin === origin) return url;
  } catch {
    // not a URL: fall through to the home page
  }
  return origin;
}

/** The locale a callback URL such as /de/dashboard points into. */
export function localeOf(callbackUrl: string | null): string {
  const first = callbackUrl ? new URL(callbackUrl, env().APP_URL).pathname.split("/")[1] : undefined;
  return first && isLocale(first) ? first : DEFAULT_LOCALE;
}

/**
 * The link we mail never goes straight to Auth.js's callback: mail scanners fetch
 * links, and a GET there would use up the single-use token. It opens our confirm
 * page (which fetches nothing), whose button continues to the callback. Its origin
 * is always APP_URL, never the request's Host header.
 */
export function confirmUrlFor(callbackLink: string, purpose?: "pledge"): string {
  const link = new URL(callbackLink);
  const locale = localeOf(link.searchParams.get("callbackUrl"));
  const confirm = new URL(`/${locale}/sign-in/confirm`, env().APP_URL);
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = link.searchParams.get(key);
    if (value) confirm.searchParams.set(key, value);
  }
  // Only the wording of the confirm page: the link works the same either way.
  if (purpose) confirm.searchParams.set("purpose", purpose);
  return confirm.toString();
}

/** A magic link made here, for a verification_tokens row written in the caller's transaction. */
export type MagicLink = {
  /** The address as Auth.js names it (its default normaliser). */
  identifier: string;
  /** What Auth.js stores: SHA-256 of the token and the secret. */
  hashedToken: string;
  expires: Date;
  /** The confirm page's URL, as mailed. */
  url: string;
  /** The same link, worded on the confirm page as a new pledge's confirmation. */
  pledgeUrl: string;
  locale: string;
};

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * The same link Auth.js's email provider makes when signIn("email") runs (token,
 * stored hash, expiry, callback URL), without its round trips: the pledge form writes
 * the token together with the pledge and the queued email in one statement. Auth.js's
 * callback redeems it like any other (@auth/core lib/actions/signin/send-token.js and
 * callback/index.js: `createHash(token + secret)`, identifier the normalised address).
 */
export function newMagicLink(email: string, redirectTo: string, now: Date): MagicLink {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: Auth.js cannot redeem sign-in links");
  const identifier = email.normalize("NFKC").toLowerCase().trim();
  const token = randomBytes(32).toString("hex");
  const callbackUrl = appRedirect(redirectTo);
  const callback = new URL("/api/auth/callback/email", env().APP_URL);
  callback.search = new URLSearchParams({ callbackUrl, token, email: identifier }).toString();
  return {
    identifier,
    hashedToken: sha256(`${token}${secret}`),
    expires: new Date(now.getTime() + MAGIC_LINK_MAX_AGE_SECONDS * 1000),
    url: confirmUrlFor(callback.toString()),
    pledgeUrl: confirmUrlFor(callback.toString(), "pledge"),
    locale: localeOf(callbackUrl),
  };
}
