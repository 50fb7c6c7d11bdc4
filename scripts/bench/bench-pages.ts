// npm run bench:pages: how fast one instance serves pages, next to what Next.js itself
// can do on this machine in the same run.
//
// Builds the app (into .next-bench) and, from scripts/bench/bare-next, a bare App
// Router app of the same Next.js version with one prerendered page and one page
// rendered per request (`await connection()`), both with about as much HTML as the
// landing page. Then measures with autocannon (-c 50, 10 s each): the landing, pledge
// and stats pages, the dashboard of a signed-in person, a static file of the build,
// and the two bare pages. Prints requests/s, p50/p99, each page's HTML size and the
// ratios the goals judge (BENCH_ONLY=<name> measures one page, for a CPU profile):
//   public pages (landing, pledge, stats) >= 0.8x the bare prerendered page;
//   dashboard >= 0.7x the bare dynamic page.
// Exits 1 when a goal is missed. BENCH_DURATION / BENCH_CONNECTIONS override the load.
import {
  fetchHtml,
  log,
  type Measure,
  measure,
  referenceOf,
  runBench,
  startPageBench,
  staticAssetUrl,
} from "./bench-support";

const ratio = (a: Measure, b: Measure) => a.rps / b.rps;

async function main(): Promise<number> {
  const { appUrl, pages, bare } = await startPageBench("bench_pages");

  const targets = [...pages, ...bare];
  for (const page of targets)
    log(`${page.name.padEnd(28)} ${Buffer.byteLength(await fetchHtml(page)) / 1000} KB of HTML`);
  // BENCH_ONLY=dashboard: measure that page alone (with BENCH_CPU_PROF, its own profile).
  const only = process.env.BENCH_ONLY;
  if (only) {
    for (const { name, url, headers } of targets.filter(({ name }) => name.includes(only)))
      await measure(name, url, headers);
    return 0;
  }

  const results = new Map<string, Measure>();
  for (const { name, url, headers } of targets) results.set(name, await measure(name, url, headers));
  const staticFile = await measure("static file of the build", await staticAssetUrl(appUrl));
  const bareStatic = results.get(bare[0]!.name)!;
  const bareDynamic = results.get(bare[1]!.name)!;

  console.log("\nbench:pages (one instance, autocannon -c 50)");
  let missed = 0;
  for (const page of pages) {
    const reference = referenceOf(page, bare);
    const goal = page.perRequest ? 0.7 : 0.8;
    const value = ratio(results.get(page.name)!, results.get(reference.name)!);
    const ok = value >= goal;
    if (!ok) missed += 1;
    const referenceName = page.perRequest ? "the bare per-request page" : "the bare prerendered page";
    console.log(
      `  ${page.name.padEnd(24)} ${value.toFixed(2)}x ${referenceName} (goal >= ${goal}x): ${ok ? "ok" : "MISSED"}`,
    );
  }
  console.log(
    `  references: static file ${staticFile.rps.toFixed(0)} req/s; bare prerendered ${bareStatic.rps.toFixed(0)}; bare per request ${bareDynamic.rps.toFixed(0)} (${ratio(bareDynamic, bareStatic).toFixed(2)}x prerendered)`,
  );
  return missed === 0 ? 0 : 1;
}

runBench(main);
