// npm run bench:stats: how /api/stats holds up as the campaign grows.
//
// Against a throw-away database (the embedded PGlite, or a fresh database on
// DATABASE_URL's server when set), seeds 1,000 and then 1,000,000 verified-or-not
// pledges with their users and the matching counters (bulk INSERT ... SELECT
// generate_series), builds the app into .next-bench, and measures with autocannon
// (-c 50, 10 s per target, sized for 2 cores):
//   /api/stats at 10^3 and 10^6 pledges, a static page of the same build (/en) and a
//   bare Node.js HTTP server returning a fixed JSON body, as references.
// Absolute numbers depend on the machine: the goals are ratios measured in one run.
//   /api/stats requests/s >= 1.0x a static file's of the same build;  p50 at 10^6 <= 1.2x p50 at 10^3.
// Exits 1 when a goal is missed. BENCH_DURATION / BENCH_CONNECTIONS override the load.
import pg from "pg";
import { z } from "zod";
import { COUNTRY_CODES } from "../../lib/pledges/rules";
import {
  CONNECTIONS,
  cleanups,
  DURATION,
  log,
  type Measure,
  measure,
  prepareBench,
  runBench,
  startApp,
  startBareServer,
  staticAssetUrl,
  stopProcess,
} from "./bench-support";

const CAMPAIGN_ID = "meta-ai-2025";
const TIME_ZONE = "Europe/Brussels";
const SIZES = [1_000, 1_000_000] as const;
const COUNTRIES: readonly string[] = COUNTRY_CODES;

/** Users and pledges g in (from, to]: 90% verified over 8 weeks, 1 in 7 referred, 1 in 4 finished. */
async function seed(client: pg.Client, from: number, to: number) {
  const started = Date.now();
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO users (id, email, created_at, updated_at)
     SELECT 'bench-u-' || g, 'bench-' || g || '@example.test', now(), now()
     FROM generate_series($1::int + 1, $2::int) AS g`,
    [from, to],
  );
  await client.query(
    `INSERT INTO pledges (id, user_id, campaign_id, country, platforms, locale, referral_code,
                          verified_at, referred_by_id, finished_at, created_at, updated_at)
     SELECT 'bench-p-' || g, 'bench-u-' || g, $3, ($4::text[])[1 + g % cardinality($4::text[])],
            ARRAY['facebook', 'instagram'], 'en', 'bench' || g,
            CASE WHEN g % 10 <> 0 THEN timestamp '2025-04-01' + (g % 56) * interval '1 day' + (g % 86400) * interval '1 second' END,
            CASE WHEN g % 7 = 0 AND g >= 14 THEN 'bench-p-' || (g / 7) END,
            CASE WHEN g % 10 <> 0 AND g % 4 = 0 THEN timestamp '2025-05-27' END,
            now(), now()
     FROM generate_series($1::int + 1, $2::int) AS g`,
    [from, to, CAMPAIGN_ID, COUNTRIES],
  );
  // The counters of the new rows, as the features would have moved them, spread over 16 shards.
  await client.query(
    `INSERT INTO stat_counters (campaign_id, key, shard, value)
     SELECT $3, key, shard, sum(n) FROM (
       SELECT p.key, (g % 16) AS shard, 1 AS n
       FROM generate_series($1::int + 1, $2::int) AS g
       JOIN pledges ON pledges.id = 'bench-p-' || g
       CROSS JOIN LATERAL (VALUES
         ('pledges'),
         (CASE WHEN verified_at IS NOT NULL THEN 'verified' END),
         (CASE WHEN verified_at IS NOT NULL AND referred_by_id IS NOT NULL THEN 'referred' END),
         (CASE WHEN finished_at IS NOT NULL THEN 'finished' END),
         (CASE WHEN verified_at IS NOT NULL THEN 'country:' || country END),
         (CASE WHEN verified_at IS NOT NULL
               THEN 'day:' || to_char((verified_at AT TIME ZONE 'UTC') AT TIME ZONE $4, 'YYYY-MM-DD') END)
       ) AS p(key)
       WHERE p.key IS NOT NULL
     ) AS rows
     GROUP BY key, shard
     ON CONFLICT (campaign_id, key, shard) DO UPDATE SET value = stat_counters.value + EXCLUDED.value`,
    [from, to, CAMPAIGN_ID, TIME_ZONE],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE users, pledges, stat_counters");
  log(`seeded pledges ${from + 1}..${to} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function countedPledges(url: string): Promise<number> {
  const body = z
    .object({ totals: z.object({ verifiedPledges: z.number(), pledges: z.number() }) })
    .parse(await (await fetch(`${url}/api/stats`)).json());
  return body.totals.pledges;
}

async function main(): Promise<number> {
  const { databaseUrl, env } = await prepareBench("bench_stats");

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanups.push(() => client.end());

  const api: Measure[] = [];
  let staticPage: Measure | undefined;
  let staticFile: Measure | undefined;
  let bare: Measure | undefined;
  let seeded = 0;
  for (const size of SIZES) {
    await seed(client, seeded, size);
    seeded = size;
    // A new server per size: its stats cache starts empty and reads the new counters.
    const app = await startApp(env);
    const counted = await countedPledges(app.url);
    if (counted !== size) throw new Error(`/api/stats counts ${counted} pledges, expected ${size}`);
    api.push(await measure(`/api/stats @ ${size.toLocaleString("en")}`, `${app.url}/api/stats`));
    if (!staticPage) staticPage = await measure("landing page /en", `${app.url}/en`);
    if (!staticFile) staticFile = await measure("static file of the build", await staticAssetUrl(app.url));
    if (!bare) {
      const body = await (await fetch(`${app.url}/api/stats`)).text();
      const server = await startBareServer(body);
      bare = await measure("bare node http, same JSON", server.url);
      await stopProcess(server.child);
    }
    await stopProcess(app.child);
  }

  const [small, large] = api as [Measure, Measure];
  // Judged against static content (a file of the build), as the goal says: pages are
  // rendered per request for their CSP nonce, so the landing page is only a reference.
  const rpsRatio = large.rps / staticFile!.rps;
  const rpsRatioSmall = small.rps / staticFile!.rps;
  const p50Ratio = large.p50 / Math.max(small.p50, 1);
  const pass = (ok: boolean) => (ok ? "ok" : "MISSED");
  console.log("");
  console.log(`load: autocannon -c ${CONNECTIONS} -d ${DURATION} per target`);
  console.log(
    `/api/stats req/s vs static file @10^3: ${rpsRatioSmall.toFixed(2)}x   (goal >= 1.0) ${pass(rpsRatioSmall >= 1)}`,
  );
  console.log(
    `/api/stats req/s vs static file @10^6: ${rpsRatio.toFixed(2)}x   (goal >= 1.0) ${pass(rpsRatio >= 1)}`,
  );
  console.log(
    `/api/stats p50 @10^6 vs @10^3:         ${p50Ratio.toFixed(2)}x   (goal <= 1.2) ${pass(p50Ratio <= 1.2)}`,
  );
  console.log(`/api/stats p99 @10^6 vs @10^3:         ${(large.p99 / Math.max(small.p99, 1)).toFixed(2)}x`);
  console.log(
    `/api/stats req/s vs landing page @10^6: ${(large.rps / staticPage!.rps).toFixed(2)}x (reference: rendered per request for its CSP nonce)`,
  );
  console.log(`/api/stats req/s vs bare node @10^6:   ${(large.rps / bare!.rps).toFixed(3)}x (reference)`);
  console.log(
    `static page req/s vs bare node:        ${(staticPage!.rps / bare!.rps).toFixed(3)}x (reference)`,
  );
  return rpsRatioSmall >= 1 && rpsRatio >= 1 && p50Ratio <= 1.2 ? 0 : 1;
}

runBench(main);
