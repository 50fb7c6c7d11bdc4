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
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  freePort,
  log,
  type Measure,
  measure,
  prepareBench,
  run,
  runBench,
  startApp,
  startProcess,
  staticAssetUrl,
  waitFor,
} from "./bench-support";

const BARE_DIR = "scripts/bench/bare-next";

/** A verified person with a live session: the dashboard's cookie. */
async function seedSignedInPerson(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const userId = `bench-${randomUUID()}`;
    const token = randomUUID();
    await client.query(
      "INSERT INTO users (id, email, email_verified, updated_at) VALUES ($1, $2, now(), now())",
      [userId, `${userId}@example.test`],
    );
    await client.query(
      `INSERT INTO pledges (id, user_id, campaign_id, first_name, country, platforms, locale, verified_at,
                            referral_code, updated_at)
       VALUES ($1, $2, 'meta-ai-2025', 'Ada', 'DE', ARRAY['facebook','instagram'], 'en', now(), $3, now())`,
      [`p-${userId}`, userId, randomBytes(5).toString("hex")],
    );
    await client.query(
      "INSERT INTO sessions (session_token, user_id, expires, updated_at) VALUES ($1, $2, now() + interval '1 day', now())",
      [token, userId],
    );
    return `authjs.session-token=${token}`;
  } finally {
    await client.end();
  }
}

async function htmlSize(url: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, { headers, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

async function startBareNext(env: NodeJS.ProcessEnv): Promise<string> {
  const buildId = path.join(BARE_DIR, ".next", "BUILD_ID");
  const sources = readdirSync(path.join(BARE_DIR, "app"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < Math.max(...sources)) {
    log(`building the bare reference app in ${BARE_DIR}...`);
    const code = await run(path.resolve("node_modules/.bin/next"), ["build", BARE_DIR], {
      ...env,
      NEXT_DIST_DIR: undefined,
    });
    if (code !== 0) throw new Error("`next build` of the bare app failed (see above)");
  }
  const port = await freePort();
  startProcess(
    path.resolve("node_modules/.bin/next"),
    ["start", BARE_DIR, "-H", "127.0.0.1", "-p", String(port)],
    {
      ...env,
      NEXT_DIST_DIR: undefined,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, 60_000);
  return url;
}

const ratio = (a: Measure, b: Measure) => a.rps / b.rps;

async function main(): Promise<number> {
  const { databaseUrl, env } = await prepareBench("bench_pages");
  const app = await startApp(env);
  const bare = await startBareNext(env);
  const cookie = await seedSignedInPerson(databaseUrl);

  const targets: [string, string, Record<string, string>?][] = [
    ["landing /en", `${app.url}/en`],
    ["pledge /en/pledge", `${app.url}/en/pledge`],
    ["stats /en/stats", `${app.url}/en/stats`],
    ["dashboard (signed in)", `${app.url}/en/dashboard`, { cookie }],
    ["bare Next, prerendered", `${bare}/`],
    ["bare Next, per request", `${bare}/dynamic`],
  ];
  for (const [name, url, headers] of targets)
    log(`${name.padEnd(28)} ${(await htmlSize(url, headers)) / 1000} KB of HTML`);
  // BENCH_ONLY=dashboard: measure that page alone (with BENCH_CPU_PROF, its own profile).
  const only = process.env.BENCH_ONLY;
  if (only) {
    for (const [name, url, headers] of targets.filter(([name]) => name.includes(only)))
      await measure(name, url, headers);
    return 0;
  }

  const results = new Map<string, Measure>();
  for (const [name, url, headers] of targets) results.set(name, await measure(name, url, headers));
  const staticFile = await measure("static file of the build", await staticAssetUrl(app.url));
  const bareStatic = results.get("bare Next, prerendered")!;
  const bareDynamic = results.get("bare Next, per request")!;

  console.log("\nbench:pages (one instance, autocannon -c 50)");
  let missed = 0;
  const judge = (name: string, reference: Measure, referenceName: string, goal: number) => {
    const value = ratio(results.get(name)!, reference);
    const ok = value >= goal;
    if (!ok) missed += 1;
    console.log(
      `  ${name.padEnd(24)} ${value.toFixed(2)}x ${referenceName} (goal >= ${goal}x): ${ok ? "ok" : "MISSED"}`,
    );
  };
  for (const name of ["landing /en", "pledge /en/pledge", "stats /en/stats"])
    judge(name, bareStatic, "the bare prerendered page", 0.8);
  judge("dashboard (signed in)", bareDynamic, "the bare per-request page", 0.7);
  console.log(
    `  references: static file ${staticFile.rps.toFixed(0)} req/s; bare prerendered ${bareStatic.rps.toFixed(0)}; bare per request ${bareDynamic.rps.toFixed(0)} (${ratio(bareDynamic, bareStatic).toFixed(2)}x prerendered)`,
  );
  return missed === 0 ? 0 : 1;
}

runBench(main);
