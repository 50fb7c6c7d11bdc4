// POST /:locale/sign-in/confirm/continue - the confirm page's button: on to Auth.js's email callback, from this site only.
//
// Form body (at most 4 KB): token, email, callbackUrl. A same-site post gets the
// cookie proving the button was pressed here (lib/auth/sign-in-confirmation.ts) and a
// 303 to /api/auth/callback/email. A post from another site gets a 303 back to the
// confirm page, which shows whose account the link opens; a malformed link the same,
// to the page's "incomplete link" answer; a body over 4 KB a 413.
import { type NextRequest, NextResponse } from "next/server";
import {
  CONFIRM_COOKIE,
  confirmCookieOptions,
  confirmLinkSchema,
  confirmPageUrl,
  confirmProof,
  emailCallbackUrl,
} from "@/lib/auth/sign-in-confirmation";
import { apiError } from "@/lib/http/api-error";
import { BodyTooLargeError, readTextCapped } from "@/lib/http/body";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { checkSameOrigin } from "@/lib/security";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4 * 1024;

function seeOther(url: string): NextResponse {
  const response = NextResponse.redirect(url, 303);
  response.headers.set("cache-control", "no-store");
  return response;
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readTextCapped(request, MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return apiError(413, "too_large", "Body too large.");
    throw error;
  }
  const parsed = confirmLinkSchema.safeParse({
    token: form.get("token") ?? undefined,
    email: form.get("email") ?? undefined,
    callbackUrl: form.get("callbackUrl") || undefined,
  });
  if (!parsed.success) return seeOther(confirmPageUrl(locale, {}));
  if (!checkSameOrigin(request).ok) return seeOther(confirmPageUrl(locale, parsed.data));

  const response = seeOther(emailCallbackUrl(parsed.data, locale));
  response.cookies.set(CONFIRM_COOKIE, confirmProof(parsed.data.token), confirmCookieOptions());
  return response;
}
