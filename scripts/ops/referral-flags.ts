// npm run referral-flags [-- --approve <referrer pledge id>]
//
// For the organiser: referrers of the running campaign whose invitees the fraud rules
// flagged (counts and reasons only, never who), oldest first. Flagged invitees do not
// count on the leaderboard; the referrer is never flagged. `--approve <id>` clears the
// flags of that referrer's invitees once a person has checked them: they count again.
// Leaving a row unapproved is the dismissal.
import { campaign } from "@/lib/campaign";
import { approveFlaggedReferrals, listFlaggedReferrals } from "@/lib/referrals/fraud";
import { runCli } from "./run-cli";

async function main(args: string[]): Promise<number> {
  const c = campaign();
  const approveAt = args.indexOf("--approve");
  if (approveAt !== -1) {
    const id = args[approveAt + 1];
    if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      console.error("usage: --approve <referrer pledge id>, as listed");
      return 2;
    }
    console.log(`${id}: ${await approveFlaggedReferrals(id)} invitee flag(s) cleared`);
    return 0;
  }
  const rows = await listFlaggedReferrals(c.id);
  if (rows.length === 0) {
    console.log(`No flagged referrals for ${c.id}.`);
    return 0;
  }
  console.log(`Flagged referrals for ${c.id} (referrer pledge id, flagged invitees, reasons, since):`);
  for (const row of rows) {
    console.log(
      `${row.referrerPledgeId.padEnd(28)} ${String(row.flagged).padStart(4)}  ${row.reasons.join(",").padEnd(30)} ${row.since.toISOString()}`,
    );
  }
  return 0;
}

runCli(() => main(process.argv.slice(2)));
