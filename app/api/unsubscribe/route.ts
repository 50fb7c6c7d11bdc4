// POST /api/unsubscribe?t=<token> - one-click unsubscribe from reminders (RFC 8058, List-Unsubscribe-Post).
//
// Mail clients POST "List-Unsubscribe=One-Click" to the List-Unsubscribe URL, without
// cookies. The signed token names the person. GET changes nothing (scanners prefetch
// links): it redirects to the visible confirmation page.
import { z } from "zod";
import { campaign } from "@/lib/campaign";
import { env } from "@/lib/env";
import { apiError, unexpectedError } from "@/lib/http/api-error";
import { loggerFor } from "@/lib/http/request-log";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { unsubscribeByToken } from "@/lib/reminders";

export const dynamic = "force-dynamic";

const querySchema = z.object({ t: z.string().min(10).max(600) });

export async function POST(request: Request): Promise<Response> {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(422, "invalid_token", "The unsubscribe link is incomplete.");
  try {
    const result = await unsubscribeByToken(parsed.data.t, new Date());
    if (!result.ok) {
      return result.error === "no_pledge"
        ? apiError(404, "not_found", "Nothing to unsubscribe.")
        : apiError(400, result.error, "The unsubscribe link is invalid or expired.");
    }
    return Response.json(
      { ok: true, campaignId: campaign().id },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return unexpectedError(loggerFor(request.headers), "unsubscribe", error);
  }
}

export function GET(request: Request): Response {
  const url = new URL(request.url);
  // On APP_URL: behind a proxy, request.url names the address Next listens on.
  const target = new URL(`/${DEFAULT_LOCALE}/unsubscribe`, env().APP_URL);
  const token = url.searchParams.get("t");
  if (token) target.searchParams.set("t", token);
  return Response.redirect(target, 303);
}
