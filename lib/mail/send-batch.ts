import { type CreateBatchOptions, type ErrorResponse, Resend } from "resend";
import { env } from "@/lib/env";
import { mailLog } from "./log";
import { RequestRateLimiter } from "./rate-limiter";
import { postgresSlotStore } from "./send-slots";

// The one place that talks to Resend. The SDK returns { data, error, headers } and
// never throws on API errors, so every outcome is mapped here to the cases the
// callers act on: sent, wait (429), retry later (transient) or give up (permanent).
// A permanent failure says whose fault it is when that changes what to do:
// - "content": Resend refused what we sent (validation): maybe one email of the batch;
// - "setup": Resend refused the account's API key or sender (401, 403, bad from):
//   nothing can be sent until RESEND_API_KEY or EMAIL_FROM is fixed. This process then
//   holds every send back for a minute at a time (one probe per minute), and says so
//   once, loudly; the callers keep their mail queued.

export const MAX_BATCH_SIZE = 100;
const REQUEST_TIMEOUT_MS = 20_000;
const DEFAULT_RETRY_AFTER_MS = 1000;
const SLOW_SLOT_WAIT_MS = 5_000;
/** After Resend refused the setup, how long sends with the same API key are held back. */
export const SETUP_HOLD_MS = 60_000;

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
  | { ok: false; kind: "transient"; message: string }
  | { ok: false; kind: "permanent"; message: string; fault?: "content" | "setup" };

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
  /** The API key Resend last refused (see the top of this file), and until when sends with it wait. */
  mailRefusedKey?: { key: string; until: number };
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

/** One limiter per process (outbox, reminders), its slots shared with every process through the database. */
export function requestRateLimiter(): RequestRateLimiter {
  globalForMail.mailRateLimiter ??= new RequestRateLimiter(
    () => env().RESEND_REQUESTS_PER_SECOND,
    postgresSlotStore(),
  );
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

function apiKeyOf(resend: Resend | undefined): string {
  return (resend ? resend.key : env().RESEND_API_KEY) ?? "";
}

/** Whether Resend refused this client's API key (or sender) less than a minute ago. */
export function isSendingHeldBack(resend?: Resend): boolean {
  const refused = globalForMail.mailRefusedKey;
  return refused !== undefined && refused.key === apiKeyOf(resend) && Date.now() < refused.until;
}

function holdBackKey(key: string, error: ErrorResponse) {
  const isNew = globalForMail.mailRefusedKey?.key !== key;
  globalForMail.mailRefusedKey = { key, until: Date.now() + SETUP_HOLD_MS };
  if (isNew) {
    mailLog.error(
      { status: error.statusCode, code: error.name },
      "Resend refused the API key or sender: mail is NOT being sent. It stays queued and goes out once RESEND_API_KEY (or EMAIL_FROM) is fixed",
    );
  }
}

function releaseKey(key: string) {
  if (globalForMail.mailRefusedKey?.key !== key) return;
  globalForMail.mailRefusedKey = undefined;
  mailLog.info("Resend accepts the API key again: sending resumed");
}

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
  if (status === 401 || status === 403 || error.name === "invalid_from_address") {
    return { ok: false, kind: "permanent", message, fault: "setup" };
  }
  if (status === 422 || (status === 400 && error.name === "validation_error")) {
    return { ok: false, kind: "permanent", message, fault: "content" };
  }
  return { ok: false, kind: "permanent", message };
}

/**
 * Sends up to 100 emails in one request to Resend's batch endpoint, at most
 * RESEND_REQUESTS_PER_SECOND requests per second in total over every process that
 * sends through the same database. The same key with the same emails never sends
 * twice (Resend keeps keys for 24 hours), so a caller that lost the answer retries
 * with the same emails and key. On 429 the limiter pauses every sender of every
 * process; the caller decides whether to wait and retry.
 * While Resend refuses the API key, nothing is sent (see the top of this file).
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
  const key = apiKeyOf(options.resend);
  if (isSendingHeldBack(options.resend)) {
    return {
      ok: false,
      kind: "permanent",
      fault: "setup",
      message: "held back: Resend refused the API key or sender less than a minute ago",
    };
  }
  const resend = options.resend ?? resendClient();
  const from = env().EMAIL_FROM;
  const payload: CreateBatchOptions = emails.map((email) => {
    const base = { from: email.from ?? from, to: email.to, subject: email.subject, headers: email.headers };
    return email.html
      ? { ...base, html: email.html, text: email.text ?? undefined }
      : { ...base, text: email.text ?? "" };
  });

  const limiter = requestRateLimiter();
  const done = await limiter.acquire();
  // Other senders' turns take a second or two; longer means a dead sender's slot or a 429 pause.
  if (done.waitedMs > SLOW_SLOT_WAIT_MS) {
    mailLog.info({ waitedMs: done.waitedMs, count: emails.length }, "waited for a send slot");
  }
  const { data, error, headers } = await resend.batch
    .send(payload, { idempotencyKey, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    .finally(done);
  if (error) {
    const result = classifyError(error, headers);
    if (result.ok === false && result.kind === "rate_limited") await limiter.pause(result.retryAfterMs);
    if (result.ok === false && result.kind === "permanent" && result.fault === "setup") {
      holdBackKey(key, error);
      return result;
    }
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
  releaseKey(key);
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
