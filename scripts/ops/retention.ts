// npm run retention [-- --dry-run] [-- --now 2026-01-01T00:00:00Z]
//
// For the organiser (and a daily scheduler, like /api/cron/retention): erases personal
// data past its retention period (lib/privacy/retention.ts) and prints what it did
// as JSON (counts only). --dry-run counts without deleting; --now runs as if it were
// that instant (to check what a later run will erase).
import { campaign } from "@/lib/campaign";
import { recordJobRun } from "@/lib/jobs/job-runs";
import { runRetention } from "@/lib/privacy";
import { runCli } from "./run-cli";

const USAGE = "usage: retention [--dry-run] [--now <ISO 8601 instant>]";

function parseArgs(args: string[]): { now: Date; isDryRun: boolean } | string {
  let now = new Date();
  let isDryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--dry-run") isDryRun = true;
    else if (arg === "--now" || arg?.startsWith("--now=")) {
      const value = arg === "--now" ? args[++i] : arg.slice("--now=".length);
      const parsed = value ? new Date(value) : new Date(Number.NaN);
      if (Number.isNaN(parsed.getTime())) return `--now needs an ISO 8601 instant. ${USAGE}`;
      now = parsed;
    } else return `unknown argument ${arg}. ${USAGE}`;
  }
  return { now, isDryRun };
}

async function main(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    console.error(parsed);
    return 2;
  }
  const c = campaign();
  const run = () => runRetention({ campaign: c, ...parsed });
  const report = parsed.isDryRun ? await run() : await recordJobRun("retention", "cli", c.id, run);
  console.log(JSON.stringify(report, null, 2));
  return 0;
}

runCli(() => main(process.argv.slice(2)));
