import { type CreateBatchOptions, type ErrorResponse, Resend } from "resend";
import { env } from "@/lib/env";
import { mailLog } from "./log";
import { RequestRateLimiter } from "./rate-limiter";

// The one place that talks to Resend. The SDK returns { data, error, headers } and
// never throws on API errors, so every outcome is mapped here to one of three cases
// the callers act on: sent, wait (429), retry later (transient) or give up (permanent).

export const MAX_BATCH_SIZE = 100;
const REQUEST_TIMEOUT_MS = 20_000;
const DEFAULT_RETRY_AFTER_MS = 1000;

export type OutgoingEmail = {
  to: string;
  subject: string;
  html?: string | null;
  text?: string | null;
  headers?: Record<string, string>;
  /** Defaults to EMAIL_FROM. */
  from?: string;
};

export type SendBatchResult =
  | { ok: true; ids: string[] }
  | { ok: false; kind: "rate_limited"; retryAfterMs: number }
  | { ok: false; kind: "transient" | "permanent"; message: string };

export type SendBatchOptions = {
  /** A Resend client to use instead of the one configured from the environment. */
  resend?: Resend;
};

/** Whether mail really leaves the machine (else it stays in the local mailbox). */
export function isResendConfigured(): boolean {
  return env().RESEND_API_KEY !== undefined;
}

const globalForMail = globalThis as unknown as {
  mailResend?: { key: string; client: Resend };
  mailRateLimiter?: RequestRateLimiter;
};

/** The Resend client from the environment (RESEND_BASE_URL points it at a local fake in tests). */
export function resendClient(): Resend {
  const key = env().RESEND_API_KEY;
  if (!key) throw new Error("RESEND_API_KEY is not set: mail is kept in the local mailbox");
  const cacheKey = `${key}\n${env().RESEND_BASE_URL ?? ""}`;
  if (globalForMail.mailResend?.key !== cacheKey) {
    globalForMail.mailResend = {
      key: cacheKey,
      client: new Resend(key, { baseUrl: env().RESEND_BASE_URL }),
    };
  }
  return globalForMail.mailResend.client;
}

/** One limiter per process, shared by every caller (outbox, reminders). */
export function requestRateLimiter(): RequestRateLimiter {
  globalForMail.mailRateLimiter ??= new RequestRateLimiter(() => env().RESEND_REQUESTS_PER_SECOND);
  return globalForMail.mailRateLimiter;
}

/** Milliseconds from a retry-after header (seconds or an HTTP date). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const QUOTA_ERRORS = new Set(["daily_quota_exceeded", "monthly_quota_exceeded"]);

export function classifyError(error: ErrorResponse, headers: Record<string, string> | null): SendBatchResult {
  const status = error.statusCode;
  const message = `${status ?? "network"} ${error.name}: ${error.message}`;
  if (status === 429 && !QUOTA_ERRORS.has(error.name)) {
    return {
      ok: false,
      kind: "rate_limited",
      retryAfterMs: parseRetryAfter(headers?.["retry-after"]) ?? DEFAULT_RETRY_AFTER_MS,
    };
  }
  // No status: the request never got an answer (refused, reset, timed out). The same
  // idempotency key on the retry makes that safe even if Resend did send it.
  if (status === null || status >= 500 || status === 429) return { ok: false, kind: "transient", message };
  if (status === 409 && error.name === "concurrent_idempotent_requests") {
    return { ok: false, kind: "transient", message };
  }
  return { ok: false, kind: "permanent", message };
}

/**
 * Sends up to 100 emails in one request to Resend's batch endpoint, at most
 * RESEND_REQUESTS_PER_SECOND requests per second per process. The same key with the
 * same emails never sends twice (Resend keeps keys for 24 hours), so a caller that
 * lost the answer retries with the same emails and key. On 429 the limiter pauses
 * every sender of this process; the caller decides whether to wait and retry.
 * Without RESEND_API_KEY nothing is sent and every id is "local".
 */
export async function sendBatch(
  emails: OutgoingEmail[],
  idempotencyKey: string,
  options: SendBatchOptions = {},
): Promise<SendBatchResult> {
  if (emails.length === 0) return { ok: true, ids: [] };
  if (emails.length > MAX_BATCH_SIZE) {
    return { ok: false, kind: "permanent", message: `a batch holds at most ${MAX_BATCH_SIZE} emails` };
  }
  if (!options.resend && !isResendConfigured()) return { ok: true, ids: emails.map(() => "local") };
  const resend = options.resend ?? resendClient();
  const from = env().EMAIL_FROM;
  const payload: CreateBatchOptions = emails.map((email) => {
    const base = { from: email.from ?? from, to: email.to, subject: email.subject, headers: email.headers };
    return email.html
      ? { ...base, html: email.html, text: email.text ?? undefined }
      : { ...base, text: email.text ?? "" };
  });

  const limiter = requestRateLimiter();
  const release = await limiter.acquire();
  const { data, error, headers } = await resend.batch
    .send(payload, { idempotencyKey, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    .finally(release);
  if (error) {
    const result = classifyError(error, headers);
    if (result.ok === false && result.kind === "rate_limited") limiter.pause(result.retryAfterMs);
    mailLog.warn(
      {
        status: error.statusCode,
        code: error.name,
        count: emails.length,
        outcome: result.ok ? "ok" : result.kind,
      },
      "resend batch failed",
    );
    return result;
  }
  const ids = data?.data?.map((item) => item.id) ?? [];
  if (ids.length !== emails.length) {
    return {
      ok: false,
      kind: "permanent",
      message: `resend answered ${ids.length} ids for ${emails.length} emails`,
    };
  }
  return { ok: true, ids };
}
