import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { canonicalEmail } from "./canonical-email";

export { canonicalEmail } from "./canonical-email";

// Limits live in PostgreSQL (table rate_limits: key, points spent, expire in epoch
// ms), so they hold across app instances. Rows are named by keyed hashes (limitKey),
// never by an address, and expire: a small share of calls deletes expired rows, and
// so does the retention job. A row's window starts with its first point and ends at
// `expire`; a point spent after that starts a new window (the semantics of
// rate-limiter-flexible's RateLimiterPostgres, whose table and keys these are).
// Every check is one SQL statement, whatever the number of limits it spends from.

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

const globalForLimits = globalThis as unknown as { rateLimitPool?: pg.Pool; rateLimitSalt?: string };

function pool(): pg.Pool {
  globalForLimits.rateLimitPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 8 });
  return globalForLimits.rateLimitPool;
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

type Check = [LimitName, string];

// Spends one point from each limit of the first stage and, only if none of them is
// exhausted, from each of the second, in one statement (unnamed: the embedded
// database serves every connection from one session, where named statements collide).
// $1 now (ms); first stage $2 keys, $3 expiries, $4 limits; second stage $5 keys, $6 expiries.
const SPEND = `
WITH first AS (
  INSERT INTO rate_limits AS r (key, points, expire)
  SELECT k, 1, e FROM unnest($2::text[], $3::bigint[]) AS v(k, e)
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN r.expire <= $1 THEN 1 ELSE r.points + 1 END,
    expire = CASE WHEN r.expire <= $1 THEN EXCLUDED.expire ELSE r.expire END
  RETURNING r.key, r.points, r.expire
), allowed AS (
  SELECT NOT EXISTS (
    SELECT 1 FROM first JOIN unnest($2::text[], $4::int[]) AS l(k, points) ON l.k = first.key
    WHERE first.points > l.points) AS ok
), second AS (
  INSERT INTO rate_limits AS r (key, points, expire)
  SELECT k, 1, e FROM unnest($5::text[], $6::bigint[]) AS v(k, e), allowed WHERE allowed.ok
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN r.expire <= $1 THEN 1 ELSE r.points + 1 END,
    expire = CASE WHEN r.expire <= $1 THEN EXCLUDED.expire ELSE r.expire END
  RETURNING r.key, r.points, r.expire
)
SELECT key, points, expire::float8 AS expire FROM first
UNION ALL SELECT key, points, expire::float8 AS expire FROM second`;

const rowKey = ([name, key]: Check) => `${name}:${key}`;

async function spend(first: Check[], second: Check[] = []): Promise<RateLimitResult> {
  await purgeSometimes();
  const now = Date.now();
  const params = (checks: Check[]) => [
    checks.map(rowKey),
    checks.map(([name]) => now + limits(name).duration * 1000),
    checks.map(([name]) => limits(name).points),
  ];
  let rows: { key: string; points: number; expire: number }[];
  try {
    const [secondKeys, secondExpiries] = params(second);
    const result = await pool().query({
      text: SPEND,
      values: [now, ...params(first), secondKeys, secondExpiries],
    });
    rows = result.rows;
  } catch (error) {
    throw new Error(`rate limiter ${[...first, ...second].map(([name]) => name).join(", ")} failed`, {
      cause: error,
    });
  }
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const waits: number[] = [];
  for (const check of [...first, ...second]) {
    const row = byKey.get(rowKey(check));
    if (!row) continue;
    const { points, duration, isAlerted } = limits(check[0]);
    if (row.points <= points) continue;
    const retryAfterSeconds = Math.max(1, Math.ceil((row.expire - now) / 1000));
    waits.push(retryAfterSeconds);
    // The counter is shared by every instance and keeps counting past the limit, so
    // exactly one request per window sees points + 1: one alert, not one per request.
    if (isAlerted && row.points === points + 1) {
      logger.error(
        { limit: check[0], points, windowSeconds: duration, retryAfterSeconds },
        "rate limit exhausted: refusing new requests until the window ends",
      );
    }
  }
  return waits.length ? { ok: false, retryAfterSeconds: Math.max(...waits) } : { ok: true };
}

/** Spends one point of `name` for `key`; says when to retry once none is left. */
export function consume(name: LimitName, key: string): Promise<RateLimitResult> {
  return spend([[name, key]]);
}

/** Spends from every limit; the longest wait wins when any is exhausted. */
export function consumeAll(checks: Check[]): Promise<RateLimitResult> {
  return spend(checks);
}

/**
 * Spends one sign-in email: from the address's allowance (by its canonical form, so
 * dots and +tags do not multiply it), from the IP address's, then, only if both
 * allow it, from everyone's hourly ceiling. One round trip to the database.
 */
export function consumeSignIn({ email, ip }: { email: string; ip: string }): Promise<RateLimitResult> {
  return spend(
    [
      ["signInPerEmail", limitKey("email", canonicalEmail(email))],
      ["signInPerIp", limitKey("ip", ip)],
    ],
    [["signInGlobal", GLOBAL_KEY]],
  );
}

/** Deletes expired counters (the retention job, and now and then consume()). */
export async function purgeExpiredLimits(now: Date): Promise<number> {
  const result = await pool().query("DELETE FROM rate_limits WHERE expire < $1", [now.getTime()]);
  return result.rowCount ?? 0;
}
