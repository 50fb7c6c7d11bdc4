// npm run bench:reminders [-- --recipients 100000 --rps 10 --senders 4]
//
// Exactly-once reminders at Resend's pace. Against a throw-away database (a fresh
// database on DATABASE_URL's server when set, else the embedded PGlite), seeds N
// verified, consenting pledges (bulk INSERT ... SELECT generate_series), queues the
// due reminder, then starts four sender processes (child_process.fork of this file)
// against a fake Resend that allows R batch requests per second (100 emails each).
// Senders share the limit as in production, through the database's send slots
// (lib/mail/rate-limiter.ts, lib/mail/send-slots.ts), and know nothing of each other.
// Prints emails/s, the ratio to the allowed rate (goal >= 0.95), duplicates (goal 0),
// missed (goal 0) and each sender's peak memory. Exits 1 when a goal is missed.
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startFakeResend } from "../../tests/fakes/resend-server";
import { startEmbeddedDb } from "../embedded-db";
import { runPrisma } from "../prisma";

const CAMPAIGN_ID = "meta-ai-2025";
/** 09:00 on 13 May 2025 in Brussels: an hour into "d14" of the default campaign. */
const BENCH_NOW = "2025-05-12T08:00:00.000Z";

type ChildMessage =
  | { type: "ready" }
  | { type: "done"; sent: number; skipped: number; failed: number; rateLimited: number; maxRssMb: number };

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

async function sender(index: number): Promise<void> {
  const [{ loadCampaign }, { runReminders }, { db }] = await Promise.all([
    import("../../lib/campaign/load"),
    import("../../lib/reminders/sender"),
    import("../../lib/db"),
  ]);
  const campaign = loadCampaign();
  await db.$queryRaw`SELECT 1`;
  const send = (message: ChildMessage) => process.send?.(message);
  send({ type: "ready" });
  await new Promise<void>((resolve) => process.once("message", () => resolve()));
  const result = await runReminders({
    campaign,
    appUrl: "https://bench.example.org",
    now: new Date(BENCH_NOW),
    workerId: `bench-${index}`,
    skipEnqueue: true,
  });
  await db.$disconnect();
  send({
    type: "done",
    sent: result.sent,
    skipped: result.skipped,
    failed: result.failed,
    rateLimited: result.rateLimited,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

async function enqueueOnly(): Promise<void> {
  const [{ loadCampaign }, { runReminders }, { db }] = await Promise.all([
    import("../../lib/campaign/load"),
    import("../../lib/reminders/sender"),
    import("../../lib/db"),
  ]);
  const result = await runReminders({
    campaign: loadCampaign(),
    appUrl: "https://bench.example.org",
    now: new Date(BENCH_NOW),
    maxBatches: 0,
  });
  await db.$disconnect();
  process.send?.({ type: "done", sent: result.enqueued, skipped: 0, failed: 0, rateLimited: 0, maxRssMb: 0 });
}

async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `bench_reminders_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      stop: async () => {
        const drop = new pg.Client({ connectionString: external });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await drop.end();
      },
    };
  }
  const embedded = await startEmbeddedDb({ dir: null, port: 0, log: () => {} });
  return { url: embedded.url, stop: embedded.stop };
}

async function seed(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO users (id, email, email_verified, updated_at)
     SELECT 'bu' || lpad(i::text, 7, '0'), 'bench-' || i || '@example.test', '2025-05-01', now()
     FROM generate_series(1, $1::int) AS i`,
    [count],
  );
  await client.query(
    `INSERT INTO pledges (id, user_id, campaign_id, first_name, country, platforms, locale, reminders_consent,
       reminders_consent_at, reminders_consent_text, verified_at, referral_code, updated_at)
     SELECT 'bp' || lpad(i::text, 7, '0'), 'bu' || lpad(i::text, 7, '0'), $2,
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'Person' END, 'DE',
       CASE WHEN i % 2 = 0 THEN ARRAY['facebook', 'instagram'] ELSE ARRAY['facebook'] END,
       'en', true, '2025-05-01', 'Yes, email me reminders.', '2025-05-01', 'bench' || lpad(i::text, 7, '0'), now()
     FROM generate_series(1, $1::int) AS i`,
    [count, CAMPAIGN_ID],
  );
  await client.end();
}

function startChild(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return fork(fileURLToPath(import.meta.url), args, { execArgv: ["--import", "tsx"], env, stdio: "inherit" });
}

function next(child: ChildProcess): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(message as ChildMessage));
    child.once("exit", (code) => reject(new Error(`a bench process exited early (${code})`)));
  });
}

async function main(): Promise<number> {
  const recipients = option("recipients", 100_000);
  const rps = option("rps", 10);
  const senders = option("senders", 4);
  const log = (line: string) => console.log(`[bench] ${line}`);

  const db = await database();
  const fake = await startFakeResend({ requestsPerSecond: rps });
  try {
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      RESEND_API_KEY: "re_bench_fake_key",
      RESEND_BASE_URL: fake.url,
      // The senders share the fake's limit as production's share Resend's: through the
      // database's send slots (lib/mail/send-slots.ts), with nothing told of each other.
      RESEND_REQUESTS_PER_SECOND: String(rps),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      CAMPAIGN_CONFIG: "",
      CAMPAIGN_DEADLINE: "",
      LOG_LEVEL: "warn",
      NODE_ENV: "production" as const,
    };
    if ((await runPrisma(["migrate", "deploy"], env)) !== 0) throw new Error("migrate deploy failed");
    let t0 = Date.now();
    await seed(db.url, recipients);
    log(`seeded ${recipients} recipients in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    t0 = Date.now();
    const enqueuer = startChild(["--enqueue"], env);
    const queued = await next(enqueuer);
    log(
      `queued ${queued.type === "done" ? queued.sent : 0} reminders in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    const children = Array.from({ length: senders }, (_, i) => startChild(["--sender", String(i)], env));
    await Promise.all(children.map(next));
    const start = Date.now();
    const finished = children.map(next);
    for (const child of children) child.send("go");
    const results = await Promise.all(finished);
    const seconds = (Date.now() - start) / 1000;

    const perAddress = new Map<string, number>();
    for (const email of fake.emails) {
      for (const to of email.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    let duplicates = 0;
    for (const n of perAddress.values()) duplicates += n - 1;
    let missed = 0;
    for (let i = 1; i <= recipients; i++) if (!perAddress.has(`bench-${i}@example.test`)) missed++;
    const emailsPerSecond = fake.emails.length / seconds;
    const ratio = emailsPerSecond / (rps * 100);
    log(`senders: ${senders}, fake Resend: ${rps} requests/s x 100 emails = ${rps * 100} emails/s allowed`);
    log(
      `emails delivered: ${fake.emails.length} in ${seconds.toFixed(1)} s = ${emailsPerSecond.toFixed(1)} emails/s`,
    );
    log(`ratio to the allowed rate: ${ratio.toFixed(3)} (goal >= 0.95)`);
    log(`duplicates: ${duplicates} (goal 0), missed: ${missed} (goal 0)`);
    log(
      `requests: ${fake.stats.requests}, 429s: ${fake.stats.rateLimited}, idempotent replays: ${fake.stats.idempotentReplays}`,
    );
    results.forEach((r, i) => {
      if (r.type === "done") {
        log(
          `sender ${i}: sent ${r.sent}, skipped ${r.skipped}, failed ${r.failed}, 429s ${r.rateLimited}, peak RSS ${r.maxRssMb} MB`,
        );
      }
    });
    return ratio >= 0.95 && duplicates === 0 && missed === 0 ? 0 : 1;
  } finally {
    await fake.close();
    await db.stop();
  }
}

const mode = process.argv[2];
if (mode === "--sender") {
  sender(Number(process.argv[3])).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else if (mode === "--enqueue") {
  enqueueOnly().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
