// Shared harness of the benchmarks (npm run bench:*): a throw-away database, a
// production build in its own folder, processes that stop with the run, and
// autocannon measurements. Benchmarks report ratios measured in one run, never
// absolute times alone: the machine's load moves both sides.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { startEmbeddedDb } from "../embedded-db";
import { runPrisma } from "../prisma";
import { createFreshDatabase, isBuildFresh } from "../shared";

export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

export const log = (line: string) => console.error(`[bench] ${line}`);
export const cleanups: (() => Promise<void> | void)[] = [];

export async function cleanup() {
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

export function freePort(): Promise<number> {
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

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** A fresh database on DATABASE_URL's server, or the embedded one; dropped at the end. */
export async function throwAwayDatabase(prefix: string): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const fresh = await createFreshDatabase(external, prefix);
    cleanups.push(fresh.drop);
    log(`fresh database ${fresh.name} on ${new URL(external).host}`);
    return fresh.url;
  }
  const db = await startEmbeddedDb({ dir: null, port: 0, log });
  cleanups.push(() => db.stop());
  log(`embedded PostgreSQL (PGlite, in memory) on 127.0.0.1:${db.port}`);
  return db.url;
}

export async function ensureBuild(distDir: string, env: NodeJS.ProcessEnv) {
  if (isBuildFresh(distDir)) {
    log(`${distDir} is up to date`);
    return;
  }
  log(`building into ${distDir} (next build)...`);
  const code = await run(path.resolve("node_modules/.bin/next"), ["build"], env);
  if (code !== 0) throw new Error("`next build` failed (see above)");
}

export async function waitFor(url: string, timeoutMs: number) {
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

// Every process a benchmark starts leads its own process group (a server's workers,
// tsx's child), so that stopping it frees its ports whatever it spawned.
const running = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}

// Last resort when the benchmark dies without its cleanup (an uncaught error elsewhere).
process.on("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"], env, detached: true });
  running.add(child);
  child.once("exit", () => running.delete(child));
  cleanups.push(() => stopProcess(child));
  return child;
}

/** SIGTERM to the process's group, SIGKILL if it is still there 10 s later. */
export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      // The leader is gone; make sure nothing of its group keeps a port.
      signalGroup(child, "SIGKILL");
      resolve();
    });
    signalGroup(child, "SIGTERM");
  });
}

/**
 * The app's production server (scripts/server.ts). With BENCH_CPU_PROF=<folder> it runs
 * under `node --cpu-prof` and writes its profile there when the bench stops it
 * (summarise with scripts/bench/cpu-profile.ts).
 */
export async function startApp(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const profileDir = process.env.BENCH_CPU_PROF;
  if (profileDir) log(`CPU profile of the app goes to ${profileDir}`);
  // Node itself, not the tsx CLI: the CLI kills a child that is slow to exit, and the
  // profile is written on the way out.
  const child = startProcess(
    process.execPath,
    [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      "--import",
      "tsx",
      "scripts/server.ts",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(port),
    ],
    env,
  );
  const url = `http://127.0.0.1:${port}`;
  // Generous: a production server boots in 20 s on a quiet 2-core machine, far slower on a loaded one.
  await waitFor(`${url}/api/health`, 180_000);
  return { url, child };
}

export async function startBareServer(body: string): Promise<{ url: string; child: ChildProcess }> {
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
export type Measure = { rps: number; p50: number; p99: number };

export async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Measure> {
  // A short warm-up first: JIT, connection pools and caches, as in steady use.
  await runCannon(url, 2, headers);
  const result = await runCannon(url, DURATION, headers);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  const out = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
  log(`${name.padEnd(28)} ${out.rps.toFixed(0).padStart(7)} req/s  p50 ${out.p50} ms  p99 ${out.p99} ms`);
  return out;
}

/** One autocannon run in its own process (./cannon.ts: it does not keep response bodies). */
export function runCannon(
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<z.infer<typeof autocannonResult>> {
  const options = { url, connections: CONNECTIONS, duration: seconds, headers };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("scripts/bench/cannon.ts"), JSON.stringify(options)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
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

/**
 * A static file of the same build (a /_next/static chunk the landing page loads).
 * The "static content" reference, next to the pages (the public ones are prerendered
 * and served from the ISR cache, the signed-in ones rendered per request).
 */
export async function staticAssetUrl(appUrl: string): Promise<string> {
  const html = await (await fetch(`${appUrl}/en`)).text();
  const asset = html.match(/\/_next\/static\/[^"']+\.(?:css|js)/)?.[0];
  if (!asset) throw new Error("no /_next/static asset on /en");
  return `${appUrl}${asset}`;
}

/** The build folder of the benchmarks (next to the developer's .next). */
export const BENCH_DIST_DIR = ".next-bench";

/**
 * A throw-away database with the migrations applied, the environment of a production
 * server on it (plus `extra`), and a fresh build in BENCH_DIST_DIR.
 */
export async function prepareBench(
  prefix: string,
  extra: Record<string, string> = {},
): Promise<{ databaseUrl: string; env: NodeJS.ProcessEnv }> {
  const databaseUrl = await throwAwayDatabase(prefix);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
    LOG_LEVEL: "warn",
    ...extra,
  };
  if ((await runPrisma(["migrate", "deploy"], env)) !== 0) throw new Error("`prisma migrate deploy` failed");
  await ensureBuild(BENCH_DIST_DIR, env);
  return { databaseUrl, env };
}

/** A verified person with a live session: the dashboard's cookie. */
export async function seedSignedInPerson(databaseUrl: string): Promise<string> {
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

/**
 * A bare App Router app of the same Next.js version (scripts/bench/bare-next), built
 * when its sources changed and started with `next start`: what Next.js itself does on
 * this machine, the benchmarks' reference for the app's pages.
 */
export const BARE_DIR = "scripts/bench/bare-next";

export async function startBareNext(env: NodeJS.ProcessEnv): Promise<string> {
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

/** A page a benchmark loads; `perRequest` pages are judged against the bare per-request page. */
export type BenchPage = { name: string; url: string; headers: Record<string, string>; perRequest: boolean };

/** The app's pages the page benchmarks measure: the public ones and a signed-in dashboard. */
export function appPages(appUrl: string, cookie: string): BenchPage[] {
  return [
    { name: "landing /en", url: `${appUrl}/en`, headers: {}, perRequest: false },
    { name: "pledge /en/pledge", url: `${appUrl}/en/pledge`, headers: {}, perRequest: false },
    { name: "stats /en/stats", url: `${appUrl}/en/stats`, headers: {}, perRequest: false },
    { name: "dashboard (signed in)", url: `${appUrl}/en/dashboard`, headers: { cookie }, perRequest: true },
  ];
}

/** The bare app's two pages: the references of the public and the per-request pages. */
export function barePages(bareUrl: string): BenchPage[] {
  return [
    { name: "bare Next, prerendered", url: `${bareUrl}/`, headers: {}, perRequest: false },
    { name: "bare Next, per request", url: `${bareUrl}/dynamic`, headers: {}, perRequest: true },
  ];
}

/** A page's HTML, refusing anything but a 200 (a redirect to sign-in would measure the wrong page). */
export async function fetchHtml(page: BenchPage): Promise<string> {
  const response = await fetch(page.url, { headers: page.headers, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${page.url} answered ${response.status}`);
  return response.text();
}

/**
 * The page benchmarks' setup: a prepared bench (database, build), the app and the bare
 * reference app started, a signed-in person seeded for the dashboard.
 */
export async function startPageBench(
  prefix: string,
): Promise<{ appUrl: string; pages: BenchPage[]; bare: BenchPage[] }> {
  const { databaseUrl, env } = await prepareBench(prefix);
  const app = await startApp(env);
  const bare = barePages(await startBareNext(env));
  return { appUrl: app.url, pages: appPages(app.url, await seedSignedInPerson(databaseUrl)), bare };
}

/** The bare page a page is judged against. */
export function referenceOf(page: BenchPage, bare: BenchPage[]): BenchPage {
  return bare.find((b) => b.perRequest === page.perRequest)!;
}

/** Runs a benchmark's main, cleans up, and exits with its code (1 on an error). */
export function runBench(main: () => Promise<number>): void {
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
}
