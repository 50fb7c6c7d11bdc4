// POST /api/webhooks/resend - Resend's events (Svix-signed): bounces and complaints suppress the address.
//
// 401 for a missing, wrong or stale signature (nothing stored); 404 when
// RESEND_WEBHOOK_SECRET is unset; 422 for a signed body of the wrong shape; 200 for
// everything else, unknown event types included (ignored). No tracking is stored.
import { env } from "@/lib/env";
import { handleResendWebhook } from "@/lib/reminders";
import { apiError, unexpected } from "@/lib/reminders/http";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 256 * 1024;

export async function POST(request: Request): Promise<Response> {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return apiError(404, "not_found", "Not found.");
  try {
    const body = await request.text();
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return apiError(413, "too_large", "Body too large.");
    const outcome = await handleResendWebhook(body, request.headers, secret);
    return Response.json(outcome.body, { status: outcome.status, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return unexpected("webhooks/resend", error);
  }
}
