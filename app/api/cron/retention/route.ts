// GET|POST /api/cron/retention - a scheduler's daily tick: erases personal data past its retention period.
//
// Authorization: Bearer <CRON_SECRET>; 401 otherwise; 404 when CRON_SECRET is unset.
// ?dryRun=1 counts without deleting. Response: the RetentionReport of lib/privacy
// (counts only, no personal data). Safe to run repeatedly and in several instances.
import { z } from "zod";
import { campaign } from "@/lib/campaign";
import { env } from "@/lib/env";
import { runRetention } from "@/lib/privacy";
import { apiError, unexpectedError } from "@/lib/security/api-error";
import { bearerAccess } from "@/lib/security/bearer";
import { loggerFor } from "@/lib/security/request-log";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const querySchema = z.object({ dryRun: z.enum(["0", "1", "true", "false"]).optional() });

async function handle(request: Request): Promise<Response> {
  const log = loggerFor(request.headers, { route: "cron/retention" });
  const access = bearerAccess(request.headers.get("authorization"), env().CRON_SECRET);
  if (access === "disabled") return apiError(404, "not_found", "Not found.");
  if (access === "unauthorized") {
    return apiError(401, "unauthorized", "Missing or wrong bearer token.", { "www-authenticate": "Bearer" });
  }
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError(422, "invalid_query", "dryRun must be 0, 1, true or false.");
  try {
    const isDryRun = query.data.dryRun === "1" || query.data.dryRun === "true";
    const report = await runRetention({ campaign: campaign(), now: new Date(), isDryRun });
    log.info({ report }, "retention run");
    return Response.json(report, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return unexpectedError(log, "cron/retention", error);
  }
}

export const GET = handle;
export const POST = handle;
