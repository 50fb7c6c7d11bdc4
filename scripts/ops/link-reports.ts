// npm run link-reports [-- --resolve <platform>]
//
// For the organiser: open "this link seems broken" reports per platform of the running
// campaign, most reported first. `--resolve <platform>` closes that platform's open
// reports once its link is checked or fixed (new reports open again).
import { campaign } from "@/lib/campaign";
import { countOpenLinkReports, resolveLinkReports } from "@/lib/tracker";
import { runCli } from "./run-cli";

async function main(args: string[]): Promise<number> {
  const c = campaign();
  const resolveAt = args.indexOf("--resolve");
  if (resolveAt !== -1) {
    const platform = args[resolveAt + 1];
    if (!platform || !c.platforms.some((p) => p.id === platform)) {
      console.error(`usage: --resolve <platform>, one of: ${c.platforms.map((p) => p.id).join(", ")}`);
      return 2;
    }
    const resolved = await resolveLinkReports(c.id, platform, new Date());
    console.log(`${platform}: ${resolved} open report(s) resolved`);
    return 0;
  }

  const counts = await countOpenLinkReports(c.id);
  if (counts.length === 0) {
    console.log(`No open link reports for ${c.id}.`);
    return 0;
  }
  const urls = new Map(c.platforms.map((p) => [p.id, p.formUrl]));
  console.log(`Open link reports for ${c.id}:`);
  for (const row of counts) {
    console.log(
      `${row.platform.padEnd(12)} ${String(row.open).padStart(5)}  first ${row.firstReportedAt.toISOString()}  last ${row.lastReportedAt.toISOString()}  ${urls.get(row.platform) ?? "(no longer in the campaign)"}`,
    );
  }
  return 0;
}

runCli(() => main(process.argv.slice(2)));
