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
//   /api/stats requests/s >= 1.0x the static page's;  p50 at 10^6 <= 1.2x p50 at 10^3.
// Exits 1 when a goal is missed. BENCH_DURATION / BENCH_CONNECTIONS override the load.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { startEmbeddedDb } from "./embedded-db";
import { runPrisma } from "./prisma";

const CAMPAIGN_ID = "meta-ai-2025";
const TIME_ZONE = "Europe/Brussels";
const DIST_DIR = ".next-bench";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SIZES = [1_000, 1_000_000] as const;
const COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "ZZ",
];

const log = (line: string) => console.error(`[bench] ${line}`);
const cleanups: (() => Promise<void> | void)[] = [];

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      log(`cleanup failed: ${(error as Error).message}`);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** A fresh database on DATABASE_URL's server, or the embedded one; dropped at the end. */
async function throwAwayDatabase(): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `bench_stats_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    cleanups.push(async () => {
      const drop = new pg.Client({ connectionString: external });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    });
    const url = new URL(external);
    url.pathname = `/${name}`;
    log(`fresh database ${name} on ${url.host}`);
    return url.toString();
  }
  const db = await startEmbeddedDb({ dir: null, port: 0, log });
  cleanups.push(() => db.stop());
  log(`embedded PostgreSQL (PGlite, in memory) on 127.0.0.1:${db.port}`);
  return db.url;
}

function newestMtime(entries: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p))
        if (name !== "generated" && name !== "node_modules") walk(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of entries) walk(path.resolve(entry));
  return newest;
}

async function ensureBuild(env: NodeJS.ProcessEnv) {
  const buildId = path.resolve(DIST_DIR, "BUILD_ID");
  const sources = [
    "app",
    "components",
    "lib",
    "messages",
    "campaigns",
    "proxy.ts",
    "next.config.ts",
    "package-lock.json",
  ];
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestMtime(sources)) {
    log(`${DIST_DIR} is up to date`);
    return;
  }
  log(`building into ${DIST_DIR} (next build)...`);
  const code = await run(path.resolve("node_modules/.bin/next"), ["build"], env);
  if (code !== 0) throw new Error("`next build` failed (see above)");
}

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

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"], env });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  cleanups.push(stop);
  return child;
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function startApp(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = startProcess(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, 60_000);
  return { url, child };
}

async function startBareServer(body: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const source = `require("node:http").createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(process.env.BENCH_BODY);
  }).listen(${port}, "127.0.0.1");`;
  const child = startProcess(process.execPath, ["-e", source], { ...process.env, BENCH_BODY: body });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, 10_000);
  return { url, child };
}

const autocannonResult = z.object({
  requests: z.object({ average: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
});
type Measure = { rps: number; p50: number; p99: number };

async function measure(name: string, url: string): Promise<Measure> {
  const cannon = path.resolve("node_modules/.bin/autocannon");
  // A short warm-up first: JIT, connection pools and caches, as in steady use.
  await runCannon(cannon, url, 2);
  const result = await runCannon(cannon, url, DURATION);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  const out = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
  log(`${name.padEnd(28)} ${out.rps.toFixed(0).padStart(7)} req/s  p50 ${out.p50} ms  p99 ${out.p99} ms`);
  return out;
}

function runCannon(cannon: string, url: string, seconds: number): Promise<z.infer<typeof autocannonResult>> {
  return new Promise((resolve, reject) => {
    const child = spawn(cannon, ["-c", String(CONNECTIONS), "-d", String(seconds), "-j", url], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      try {
        resolve(autocannonResult.parse(JSON.parse(out)));
      } catch (cause) {
        reject(new Error("cannot read autocannon's JSON output", { cause }));
      }
    });
  });
}

async function countedPledges(url: string): Promise<number> {
  const body = z
    .object({ totals: z.object({ verifiedPledges: z.number(), pledges: z.number() }) })
    .parse(await (await fetch(`${url}/api/stats`)).json());
  return body.totals.pledges;
}

async function main(): Promise<number> {
  const databaseUrl = await throwAwayDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
    LOG_LEVEL: "warn",
  };
  if ((await runPrisma(["migrate", "deploy"], env)) !== 0) throw new Error("`prisma migrate deploy` failed");
  await ensureBuild(env);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  cleanups.push(() => client.end());

  const api: Measure[] = [];
  let staticPage: Measure | undefined;
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
    if (!staticPage) staticPage = await measure("static page /en", `${app.url}/en`);
    if (!bare) {
      const body = await (await fetch(`${app.url}/api/stats`)).text();
      const server = await startBareServer(body);
      bare = await measure("bare node http, same JSON", server.url);
      await stopProcess(server.child);
    }
    await stopProcess(app.child);
  }

  const [small, large] = api as [Measure, Measure];
  const rpsRatio = large.rps / staticPage!.rps;
  const rpsRatioSmall = small.rps / staticPage!.rps;
  const p50Ratio = large.p50 / Math.max(small.p50, 1);
  const pass = (ok: boolean) => (ok ? "ok" : "MISSED");
  console.log("");
  console.log(`load: autocannon -c ${CONNECTIONS} -d ${DURATION} per target`);
  console.log(
    `/api/stats req/s vs static page @10^3: ${rpsRatioSmall.toFixed(2)}x   (goal >= 1.0) ${pass(rpsRatioSmall >= 1)}`,
  );
  console.log(
    `/api/stats req/s vs static page @10^6: ${rpsRatio.toFixed(2)}x   (goal >= 1.0) ${pass(rpsRatio >= 1)}`,
  );
  console.log(
    `/api/stats p50 @10^6 vs @10^3:         ${p50Ratio.toFixed(2)}x   (goal <= 1.2) ${pass(p50Ratio <= 1.2)}`,
  );
  console.log(`/api/stats p99 @10^6 vs @10^3:         ${(large.p99 / Math.max(small.p99, 1)).toFixed(2)}x`);
  console.log(`/api/stats req/s vs bare node @10^6:   ${(large.rps / bare!.rps).toFixed(3)}x (reference)`);
  console.log(
    `static page req/s vs bare node:        ${(staticPage!.rps / bare!.rps).toFixed(3)}x (reference)`,
  );
  return rpsRatioSmall >= 1 && rpsRatio >= 1 && p50Ratio <= 1.2 ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
