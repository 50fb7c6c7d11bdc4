// npm start | npm run dev | npm test | npm run db -- <command>
//
// Without DATABASE_URL these start the embedded PostgreSQL (PGlite, data in
// .data/pglite; a throw-away one for tests), apply the migrations, run the command
// against it and stop it when the command ends. A command (`npm run db`, reminders,
// retention ...) started while the app runs uses the app's embedded database instead.
// With DATABASE_URL they start nothing (tests create, use and drop a fresh database on
// that server).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { CampaignConfigError, loadCampaign } from "../lib/campaign/load";
import { EnvError, parseEnv } from "../lib/env";
import { EmbeddedDbError, findRunningEmbeddedDb, startEmbeddedDb } from "./embedded-db";
import { runPrisma } from "./prisma";
import { createFreshDatabase, isBuildFresh, markBuildAppUrl } from "./shared";

const DATA_DIR = path.resolve(process.env.EMBEDDED_DB_DIR ?? ".data/pglite");
const DB_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
const APP_PORT = Number(process.env.PORT ?? 3000);
const TEST_APP_PORT = Number(process.env.TEST_APP_PORT ?? 3100);

const log = (line: string) => console.error(`[launch] ${line}`);
const bin = (name: string) => path.resolve("node_modules/.bin", name);

class LaunchError extends Error {}

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
let child: ChildProcess | undefined;

let cleaning: Promise<void> | undefined;

// One cleanup, however many signals arrive: Ctrl-C reaches this process from the
// terminal and again relayed by npm/tsx, and a second call must wait for the first
// (which may still be closing the embedded database) rather than exit under it and
// leave the data directory's lock behind.
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop()!;
      try {
        await step();
      } catch (error) {
        log(`cleanup failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", (error) => reject(new LaunchError(`cannot run ${command}: ${error.message}`)));
    child.on("exit", (code, signal) => {
      child = undefined;
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 0));
    });
  });
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (child) child.kill(signal);
    else void cleanup().then(() => process.exit(130));
  });
}

function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(
        new LaunchError(`Port ${port} is busy, so ${what} cannot start. Stop whatever uses it, or set PORT.`),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** A stable local AUTH_SECRET for machines without one configured. */
function localAuthSecret(): string {
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function migrate(env: NodeJS.ProcessEnv) {
  const code = await runPrisma(["migrate", "deploy"], env);
  if (code !== 0) throw new LaunchError("`prisma migrate deploy` failed (see above)");
}

/** DATABASE_URL if set, else the embedded database (persistent, or fresh for tests). */
async function database(fresh: boolean): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external && !fresh) return external;
  if (external && fresh) {
    const fresh = await createFreshDatabase(external, "test_run");
    cleanups.push(fresh.drop);
    log(`using a fresh database ${fresh.name} on ${new URL(external).host}`);
    return fresh.url;
  }
  const started = Date.now();
  const dir = fresh ? mkdtempSync(path.join(os.tmpdir(), "pglite-test-")) : DATA_DIR;
  if (fresh) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = await startEmbeddedDb({ dir, port: fresh ? 0 : DB_PORT, log });
  cleanups.push(() => db.stop());
  log(
    `embedded PostgreSQL (PGlite) on 127.0.0.1:${db.port}, data in ${fresh ? "a temporary folder" : path.relative(process.cwd(), dir)} (${Date.now() - started} ms)`,
  );
  return db.url;
}

const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

/**
 * Builds the production bundle into `distDir` for `appUrl`, unless the build there is
 * newer than every source file and was made for that APP_URL (prerendered pages carry
 * it, in their canonical and og:url links).
 */
async function ensureBuild(env: NodeJS.ProcessEnv, appUrl: string, distDir = DIST_DIR) {
  if (isBuildFresh(distDir, appUrl)) {
    log(`production build in ${distDir} is up to date`);
    return;
  }
  log(`building the app for ${appUrl} into ${distDir} (next build)...`);
  const code = await run(bin("next"), ["build"], {
    ...env,
    NODE_ENV: "production",
    APP_URL: appUrl,
    NEXT_DIST_DIR: distDir,
  });
  if (code !== 0) throw new LaunchError("`next build` failed (see above)");
  markBuildAppUrl(distDir, appUrl);
}

async function ensureClient(env: NodeJS.ProcessEnv) {
  if (existsSync(path.resolve("lib/db/generated/client.ts"))) return;
  const code = await runPrisma(["generate"], env);
  if (code !== 0) throw new LaunchError("`prisma generate` failed (see above)");
}

function baseEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET || localAuthSecret(),
  };
}

/** Fails fast, before starting anything, on a bad variable or campaign file. */
function validate(env: NodeJS.ProcessEnv, nodeEnv: "development" | "production" | "test") {
  const parsed = parseEnv({ ...env, NODE_ENV: nodeEnv });
  loadCampaign({ configPath: parsed.CAMPAIGN_CONFIG, deadline: parsed.CAMPAIGN_DEADLINE });
  return parsed;
}

async function start(): Promise<number> {
  const env = baseEnv();
  const { APP_URL } = validate(env, "production");
  await ensureClient(env);
  await assertPortFree(APP_PORT, "the app");
  await ensureBuild(env, APP_URL);
  const url = await database(false);
  const appEnv = { ...env, DATABASE_URL: url, NODE_ENV: "production" as const };
  await migrate(appEnv);
  log(`starting on http://localhost:${APP_PORT}`);
  // Not `next start`: scripts/server.ts tells the app each request's socket address.
  // Node with tsx's loader, not the tsx CLI: the CLI relays Ctrl-C and SIGKILLs a child
  // that does not acknowledge it within 60 ms, which a loaded machine easily misses.
  return run(process.execPath, ["--import", "tsx", "scripts/server.ts", "--port", String(APP_PORT)], appEnv);
}

async function dev(): Promise<number> {
  const env = baseEnv();
  validate(env, "development");
  await ensureClient(env);
  await assertPortFree(APP_PORT, "the app");
  const url = await database(false);
  const appEnv = { ...env, DATABASE_URL: url, NODE_ENV: "development" as const };
  await migrate(appEnv);
  return run(bin("next"), ["dev", "-p", String(APP_PORT)], appEnv);
}

async function exec(args: string[]): Promise<number> {
  if (!args.length) throw new LaunchError("usage: npm run db -- <command> [args...]");
  const env = baseEnv();
  // Beside a running app: its embedded database, migrated when that app started (new
  // migrations wait for the app's next start rather than change the schema under it).
  const running = process.env.DATABASE_URL
    ? undefined
    : await findRunningEmbeddedDb({ dir: DATA_DIR, port: DB_PORT });
  if (running) {
    log(`using the embedded database of process ${running.pid} on 127.0.0.1:${running.port}`);
    return run(args[0]!, args.slice(1), { ...env, DATABASE_URL: running.url });
  }
  const cmdEnv = { ...env, DATABASE_URL: await database(false) };
  await migrate(cmdEnv);
  return run(args[0]!, args.slice(1), cmdEnv);
}

const KINDS = ["unit", "integration", "e2e"] as const;

async function test(args: string[]): Promise<number> {
  const only = args
    .find((a) => a.startsWith("--only="))
    ?.slice(7)
    .split(",") ?? [...KINDS];
  const extra = args.filter((a) => !a.startsWith("--only="));
  const started = Date.now();
  // Quiet logs unless asked for: the suite prints test results, not app chatter.
  const env = { LOG_LEVEL: "warn", ...baseEnv(), NODE_ENV: "test" as const };
  await ensureClient(env);

  const timings: string[] = [];
  const step = async (name: string, body: () => Promise<number>) => {
    const t0 = Date.now();
    const code = await body();
    timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (code !== 0) throw new LaunchError(`${name} tests failed`);
  };

  if (only.includes("unit")) {
    await step("unit", () => run(bin("vitest"), ["run", "--project", "unit", ...extra], env));
  }
  if (!only.includes("integration") && !only.includes("e2e")) return 0;

  const url = await database(true);
  const { startFakeResend } = await import("../tests/fakes/resend-server");
  const resend = await startFakeResend({ requestsPerSecond: 2 });
  cleanups.push(() => resend.close());
  const dbEnv = {
    ...env,
    DATABASE_URL: url,
    RESEND_API_KEY: "re_test_fake_key",
    RESEND_BASE_URL: resend.url,
    FAKE_RESEND_URL: resend.url,
  };
  await migrate(dbEnv);

  if (only.includes("integration")) {
    await step("integration", () => run(bin("vitest"), ["run", "--project", "integration", ...extra], dbEnv));
  }
  if (only.includes("e2e")) {
    // The app, a second instance behind a reverse proxy, and that proxy (playwright.config.ts).
    for (const port of [TEST_APP_PORT, TEST_APP_PORT + 1]) await assertPortFree(port, "the app under test");
    // Two builds, as two deployments would have: the instance behind the proxy has
    // another APP_URL, and its pages are prerendered and cached in its own build folder.
    const appUrl = `http://127.0.0.1:${TEST_APP_PORT}`;
    const proxiedDist = `${DIST_DIR}-proxied`;
    await ensureBuild(env, appUrl);
    await ensureBuild(env, `http://127.0.0.2:${TEST_APP_PORT + 2}`, proxiedDist);
    const e2eEnv = {
      ...dbEnv,
      APP_URL: appUrl,
      TEST_APP_PORT: String(TEST_APP_PORT),
      PROXIED_DIST_DIR: proxiedDist,
      CRON_SECRET: "test-cron-secret-0123456789",
      // tests/e2e/organiser.spec.ts signs in as this organiser; the console's "Send now"
      // may send as of its "as of" time (refused unless RESEND_BASE_URL is a local fake).
      ORGANISER_EMAILS: "organiser-e2e@example.test",
      ORGANISER_TEST_CLOCK: "1",
      // Every e2e request comes from 127.0.0.1; the per-IP limit has its own integration test.
      RATE_LIMIT_SIGNIN_PER_IP: "100000",
    };
    await step("e2e", () => run(bin("playwright"), ["test", ...extra], e2eEnv));
  }
  log(`all tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(", ")})`);
  return 0;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case "start":
      return start();
    case "dev":
      return dev();
    case "test":
      return test(rest);
    case "exec":
      return exec(rest[0] === "--" ? rest.slice(1) : rest);
    default:
      throw new LaunchError("usage: tsx scripts/launch.ts start|dev|test|exec -- <command>");
  }
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    await cleanup();
    if (error instanceof EnvError || error instanceof CampaignConfigError)
      console.error((error as Error).message);
    else if (error instanceof LaunchError || error instanceof EmbeddedDbError)
      console.error(`Error: ${error.message}`);
    else console.error(error);
    process.exit(1);
  });
