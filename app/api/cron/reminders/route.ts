// GET|POST /api/cron/reminders - a scheduler's tick (vercel.json, every 15 minutes): sends due reminders for up to ~50 s.
//
// Authorization: Bearer <CRON_SECRET>; 401 otherwise; 404 when CRON_SECRET is unset.
// Response: { due, enqueued, batches, sent, skipped, failed, deferred, rateLimited, more }:
// `more` true means work is left that is due now (call again soon); the next tick
// picks it up anyway. Safe to run in several instances at once.
import { campaign } from "@/lib/campaign";
import { env } from "@/lib/env";
import { cronAccess, runReminders } from "@/lib/reminders";
import { apiError, unexpected } from "@/lib/reminders/http";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Time for one invocation: under maxDuration, with room to finish the batch in flight. */
const BUDGET_MS = 45_000;

async function handle(request: Request): Promise<Response> {
  const access = cronAccess(request.headers.get("authorization"), env().CRON_SECRET);
  if (access === "disabled") return apiError(404, "not_found", "Not found.");
  if (access === "unauthorized") {
    return apiError(401, "unauthorized", "Missing or wrong bearer token.", { "www-authenticate": "Bearer" });
  }
  try {
    const result = await runReminders({ campaign: campaign(), appUrl: env().APP_URL, budgetMs: BUDGET_MS });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return unexpected("cron/reminders", error);
  }
}

export const GET = handle;
export const POST = handle;
