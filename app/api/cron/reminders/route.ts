// GET|POST /api/cron/reminders - a scheduler's tick (vercel.json, every 15 minutes): sends due reminders for up to ~50 s, and drains the outbox.
//
// Authorization: Bearer <CRON_SECRET>; 401 otherwise; 404 when CRON_SECRET is unset.
// Response: { due, enqueued, batches, sent, skipped, failed, deferred, rateLimited, more, outbox }:
// `more` true means work is left that is due now (call again soon); the next tick
// picks it up anyway. `outbox` counts transactional mail this tick sent: on
// serverless hosts it empties an outbox left by requests whose after() work died.
// Safe to run in several instances at once.
import { campaign } from "@/lib/campaign";
import { env } from "@/lib/env";
import { withCron } from "@/lib/http/with-cron";
import { drainUntilIdle } from "@/lib/mail";
import { runReminders } from "@/lib/reminders";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Time for one invocation: under maxDuration, with room to finish the batch in flight. */
const BUDGET_MS = 40_000;

const handle = withCron("cron/reminders", async () => {
  const outbox = await drainUntilIdle();
  const result = await runReminders({
    campaign: campaign(),
    appUrl: env().APP_URL,
    budgetMs: BUDGET_MS,
    source: "cron",
  });
  return Response.json(
    { ...result, outbox: { sent: outbox.sent, failed: outbox.failed } },
    { headers: { "cache-control": "no-store" } },
  );
});

export const GET = handle;
export const POST = handle;
