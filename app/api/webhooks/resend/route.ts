// POST /api/webhooks/resend - Resend's events (Svix-signed): bounces and complaints suppress the address.
//
// 401 for a missing, wrong or stale signature (nothing stored); 404 when
// RESEND_WEBHOOK_SECRET is unset; 413 for a body over 256 KB (refused on its
// Content-Length, or cut off while reading, before any signature work); 422 for a
// signed body of the wrong shape; 200 for everything else, unknown event types
// included (ignored). No tracking is stored.
import { env } from "@/lib/env";
import { apiError, unexpectedError } from "@/lib/http/api-error";
import { BodyTooLargeError, readTextCapped } from "@/lib/http/body";
import { loggerFor } from "@/lib/http/request-log";
import { handleResendWebhook } from "@/lib/mail/webhook";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 256 * 1024;

export async function POST(request: Request): Promise<Response> {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return apiError(404, "not_found", "Not found.");
  try {
    const body = await readTextCapped(request, MAX_BODY_BYTES);
    const outcome = await handleResendWebhook(body, request.headers, secret);
    return Response.json(outcome.body, { status: outcome.status, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return apiError(413, "too_large", "Body too large.");
    return unexpectedError(loggerFor(request.headers), "webhooks/resend", error);
  }
}
