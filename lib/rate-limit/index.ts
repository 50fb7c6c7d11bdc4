import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { canonicalEmail } from "./canonical-email";

export { canonicalEmail } from "./canonical-email";

// Limits live in PostgreSQL (table rate_limits), so they hold across app instances.
// Rows are named by keyed hashes (limitKey), never by an address, and expire: a
// small share of calls deletes expired rows, and so does the retention job.

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

type LimitName = "signInPerEmail" | "signInPerIp" | "signInGlobal";

type Limit = { points: number; duration: number; isAlerted: boolean };

function limits(name: LimitName): Limit {
  // Defaults: 3 sign-in emails per address per 15 minutes; 20 per IP address per
  // hour; 2000 per hour for everyone together, whose exhaustion is logged as an error.
  const e = env();
  if (name === "signInPerEmail")
    return { points: e.RATE_LIMIT_SIGNIN_PER_EMAIL, duration: 15 * 60, isAlerted: false };
  if (name === "signInPerIp")
    return { points: e.RATE_LIMIT_SIGNIN_PER_IP, duration: 60 * 60, isAlerted: false };
  return { points: e.RATE_LIMIT_SIGNIN_GLOBAL_PER_HOUR, duration: 60 * 60, isAlerted: true };
}

/** Share of consume calls that also delete expired rows. */
const PURGE_SHARE = 0.01;
const GLOBAL_KEY = "all";

type QueryConfig = { text: string; values?: unknown[]; name?: string };
type StoreClient = { query: (config: QueryConfig) => Promise<pg.QueryResult> };

const globalForLimits = globalThis as unknown as {
  rateLimitPool?: pg.Pool;
  limiters?: Map<LimitName, RateLimiterPostgres>;
  rateLimitSalt?: string;
};

function pool(): pg.Pool {
  globalForLimits.rateLimitPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 4 });
  return globalForLimits.rateLimitPool;
}

// rate-limiter-flexible names its prepared statements. The embedded database serves
// every connection from one Postgres session, where a name prepared on one
// connection collides with the next ("prepared statement already exists"), so
// statements go unnamed: one more parse per query, same results on any server.
const storeClient: StoreClient = {
  query: ({ text, values }) => pool().query({ text, values }),
};

function limiter(name: LimitName): RateLimiterPostgres {
  globalForLimits.limiters ??= new Map();
  let found = globalForLimits.limiters.get(name);
  if (!found) {
    const { points, duration } = limits(name);
    found = new RateLimiterPostgres({
      storeClient,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      clearExpiredByTimeout: false,
      points,
      duration,
    });
    globalForLimits.limiters.set(name, found);
  }
  return found;
}

/**
 * A keyed hash (HMAC-SHA256 with AUTH_SECRET) of `value` for a row's key: the table
 * then names no IP address or email, and a guess cannot be checked against it without
 * the secret. Without AUTH_SECRET (local use only) a per-process salt stands in.
 */
export function limitKey(kind: "email" | "ip", value: string): string {
  globalForLimits.rateLimitSalt ??= env().AUTH_SECRET ?? randomBytes(32).toString("hex");
  return createHmac("sha256", globalForLimits.rateLimitSalt).update(`${kind}:${value}`).digest("base64url");
}

async function purgeSometimes(): Promise<void> {
  if (Math.random() >= PURGE_SHARE) return;
  try {
    await purgeExpiredLimits(new Date());
  } catch (error) {
    logger.warn({ err: error }, "rate limits: purging expired rows failed");
  }
}

/** Spends one point of `name` for `key`; says when to retry once none is left. */
export async function consume(name: LimitName, key: string): Promise<RateLimitResult> {
  await purgeSometimes();
  try {
    await limiter(name).consume(key);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) {
      throw new Error(`rate limiter ${name} failed`, { cause: error });
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    const { points, duration, isAlerted } = limits(name);
    // The counter is shared by every instance and keeps counting past the limit, so
    // exactly one request per window sees points + 1: one alert, not one per request.
    if (isAlerted && error.consumedPoints === points + 1) {
      logger.error(
        { limit: name, points, windowSeconds: duration, retryAfterSeconds },
        "rate limit exhausted: refusing new requests until the window ends",
      );
    }
    return { ok: false, retryAfterSeconds };
  }
}

/** Spends from every limit; the longest wait wins when any is exhausted. */
export async function consumeAll(checks: [LimitName, string][]): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(([name, key]) => consume(name, key)));
  const waits = results.flatMap((r) => (r.ok ? [] : [r.retryAfterSeconds]));
  return waits.length ? { ok: false, retryAfterSeconds: Math.max(...waits) } : { ok: true };
}

/**
 * Spends one sign-in email: from the address's allowance (by its canonical form, so
 * dots and +tags do not multiply it), from the IP address's, then, only if both
 * allow it, from everyone's hourly ceiling.
 */
export async function consumeSignIn({ email, ip }: { email: string; ip: string }): Promise<RateLimitResult> {
  const own = await consumeAll([
    ["signInPerEmail", limitKey("email", canonicalEmail(email))],
    ["signInPerIp", limitKey("ip", ip)],
  ]);
  if (!own.ok) return own;
  return consume("signInGlobal", GLOBAL_KEY);
}

/** Deletes expired counters (the retention job, and now and then consume()). */
export async function purgeExpiredLimits(now: Date): Promise<number> {
  const result = await pool().query("DELETE FROM rate_limits WHERE expire < $1", [now.getTime()]);
  return result.rowCount ?? 0;
}
