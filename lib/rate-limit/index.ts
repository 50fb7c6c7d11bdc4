import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

// Limits live in PostgreSQL (table rate_limits), so they hold across app instances.

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

type LimitName = "signInPerEmail" | "signInPerIp";

function limits(name: LimitName): { points: number; duration: number } {
  // Defaults: 3 sign-in emails per address per 15 minutes; 20 per IP address per hour.
  if (name === "signInPerEmail") return { points: env().RATE_LIMIT_SIGNIN_PER_EMAIL, duration: 15 * 60 };
  return { points: env().RATE_LIMIT_SIGNIN_PER_IP, duration: 60 * 60 };
}

type QueryConfig = { text: string; values?: unknown[]; name?: string };
type StoreClient = { query: (config: QueryConfig) => Promise<pg.QueryResult> };

const globalForLimits = globalThis as unknown as {
  rateLimitPool?: pg.Pool;
  limiters?: Map<LimitName, RateLimiterPostgres>;
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
    found = new RateLimiterPostgres({
      storeClient,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      clearExpiredByTimeout: false,
      ...limits(name),
    });
    globalForLimits.limiters.set(name, found);
  }
  return found;
}

/** Spends one point of `name` for `key`; says when to retry once none is left. */
export async function consume(name: LimitName, key: string): Promise<RateLimitResult> {
  try {
    await limiter(name).consume(key);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
    throw new Error(`rate limiter ${name} failed`, { cause: error });
  }
}

/** Spends from every limit; the longest wait wins when any is exhausted. */
export async function consumeAll(checks: [LimitName, string][]): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(([name, key]) => consume(name, key)));
  const waits = results.flatMap((r) => (r.ok ? [] : [r.retryAfterSeconds]));
  return waits.length ? { ok: false, retryAfterSeconds: Math.max(...waits) } : { ok: true };
}

/** Deletes expired counters (run by the retention job). */
export async function purgeExpiredLimits(now: Date): Promise<number> {
  const result = await pool().query("DELETE FROM rate_limits WHERE expire < $1", [now.getTime()]);
  return result.rowCount ?? 0;
}
