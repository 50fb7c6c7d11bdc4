// GET|POST /api/cron/retention - a scheduler's daily tick (vercel.json): erases personal data past its retention period.
//
// Authorization: Bearer <CRON_SECRET>; 401 otherwise; 404 when CRON_SECRET is unset.
// ?dryRun=1 counts without deleting. Response: the RetentionReport of lib/privacy
// (counts only, no personal data). Safe to run repeatedly and in several instances.
import { z } from "zod";
import { campaign } from "@/lib/campaign";
import { apiError } from "@/lib/http/api-error";
import { withCron } from "@/lib/http/with-cron";
import { recordJobRun } from "@/lib/jobs/job-runs";
import { runRetention } from "@/lib/privacy";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const querySchema = z.object({ dryRun: z.enum(["0", "1", "true", "false"]).optional() });

const handle = withCron("cron/retention", async ({ request, log }) => {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError(422, "invalid_query", "dryRun must be 0, 1, true or false.");
  const isDryRun = query.data.dryRun === "1" || query.data.dryRun === "true";
  const c = campaign();
  const run = () => runRetention({ campaign: c, now: new Date(), isDryRun });
  // Real runs are recorded: the organiser console warns when retention stops running.
  const report = isDryRun ? await run() : await recordJobRun("retention", "cron", c.id, run);
  log.info({ report }, "retention run");
  return Response.json(report, { headers: { "cache-control": "no-store" } });
});

export const GET = handle;
export const POST = handle;
