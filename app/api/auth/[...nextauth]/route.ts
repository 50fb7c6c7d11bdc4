// GET|POST /api/auth/* - Auth.js: magic-link callback, session and sign-out.
//
// POST to Auth.js's own sign-in (any spelling of the path) is 404: links are requested
// only through our pledge and sign-in forms, which validate and rate-limit first.
// Other POST bodies over 16 KB are 413. GET of the email callback without the cookie
// our confirm page's button sets (lib/auth/sign-in-confirmation.ts) is a 302 to that
// confirm page, which shows whose account the link opens before anyone is signed in.
import { NextRequest, NextResponse } from "next/server";
import { appRedirect, handlers } from "@/lib/auth";
import {
  CONFIRM_COOKIE,
  CONFIRM_COOKIE_PATH,
  confirmPageUrl,
  hasConfirmProof,
} from "@/lib/auth/sign-in-confirmation";
import { env } from "@/lib/env";
import { apiError } from "@/lib/http/api-error";
import { BodyTooLargeError, readTextCapped } from "@/lib/http/body";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";

const BASE_PATH = "/api/auth";
const MAX_BODY_BYTES = 16 * 1024;

type AuthAction = { action: string; providerId?: string };

/**
 * The action Auth.js will run for `pathname` (its first one or two segments after
 * /api/auth), read more leniently than Auth.js does: percent-decoded, backslashes as
 * slashes, repeated slashes as one. Null when it names no action; Auth.js refuses
 * those too. A check on the raw path ("/api/auth//signin/email") could miss what
 * Auth.js still runs as a sign-in.
 */
function authAction(pathname: string): AuthAction | null {
  let path = pathname;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(path); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return null;
    }
  }
  path = path.replaceAll("\\", "/").replace(/\/{2,}/g, "/");
  if (!path.startsWith(`${BASE_PATH}/`)) return null;
  const segments = path.slice(BASE_PATH.length).split("/").filter(Boolean);
  const [action, providerId] = segments;
  if (!action || segments.length > 2) return null;
  return { action: action.toLowerCase(), providerId: providerId?.toLowerCase() };
}

/** The locale a callback URL such as /de/dashboard points into. */
function localeOf(callbackUrl: string | null): string {
  try {
    const first = callbackUrl ? new URL(callbackUrl, env().APP_URL).pathname.split("/")[1] : undefined;
    return first && isLocale(first) ? first : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

const notFound = () => apiError(404, "not_found", "Not found");

/**
 * Auth.js redirects only inside the app, but builds some of those URLs (its error
 * page) on the request's URL, which Next.js normalises to http://localhost:PORT for
 * loopback addresses. Every Location it sends is put back on APP_URL.
 */
function onAppUrl(response: Response): Response {
  const headers = new Headers(response.headers);
  const location = headers.get("location");
  if (location) {
    const target = new URL(location, "http://app.invalid");
    headers.set("location", appRedirect(`${target.pathname}${target.search}${target.hash}`));
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export async function GET(request: NextRequest): Promise<Response> {
  const parsed = authAction(new URL(request.url).pathname);
  if (parsed?.action !== "callback" || parsed.providerId !== "email")
    return onAppUrl(await handlers.GET(request));

  const query = new URL(request.url).searchParams;
  if (!hasConfirmProof(request.cookies.get(CONFIRM_COOKIE)?.value, query.get("token"))) {
    const link = {
      token: query.get("token") ?? undefined,
      email: query.get("email") ?? undefined,
      callbackUrl: query.get("callbackUrl") ?? undefined,
    };
    const response = NextResponse.redirect(confirmPageUrl(localeOf(link.callbackUrl ?? null), link), 302);
    response.headers.set("cache-control", "no-store");
    return response;
  }
  const response = onAppUrl(await handlers.GET(request));
  response.headers.append(
    "set-cookie",
    `${CONFIRM_COOKIE}=; Path=${CONFIRM_COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Lax`,
  );
  return response;
}

export async function POST(request: NextRequest): Promise<Response> {
  const parsed = authAction(new URL(request.url).pathname);
  if (!parsed || parsed.action === "signin") return notFound();
  let body: string;
  try {
    body = await readTextCapped(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return apiError(413, "too_large", "Body too large.");
    throw error;
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return onAppUrl(await handlers.POST(new NextRequest(request.url, { method: "POST", headers, body })));
}
