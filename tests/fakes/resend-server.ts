// A local HTTP server that speaks the part of Resend's API the app uses, so the real
// `resend` SDK can be exercised offline (RESEND_BASE_URL points at it).
//   POST /emails, POST /emails/batch (<= 100), Idempotency-Key, 429 + retry-after.
// Test-only endpoints under /_fake/ let tests read what was "delivered" and inject
// failures: POST /_fake/config {"requestsPerSecond": n, "failNext": n, "loseNext": n,
// "apiKey": "re_..." | null, "rejectRecipients": ["a@example.test"]}.
//   apiKey: only this key is accepted; any other gets 401 (null: any re_ key).
//   rejectRecipients: an email to one of these fails validation (422), and with it
//   the whole batch, as Resend's default (strict) batch validation does.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers: Record<string, string>;
  tags?: unknown;
  /** The Idempotency-Key of the request that delivered it, if any. */
  idempotencyKey?: string;
  receivedAt: string;
};

export type FakeResendOptions = {
  /** Requests allowed per rolling second (Resend's default is 2). 0: unlimited. */
  requestsPerSecond?: number;
  port?: number;
};

export type FakeResend = {
  url: string;
  emails: FakeEmail[];
  stats: FakeStats;
  setRequestsPerSecond(rps: number): void;
  /** The next `n` send requests get a 500 and deliver nothing. */
  failNext(n: number): void;
  /** The next `n` send requests deliver, then the connection drops before the answer. */
  loseNext(n: number): void;
  /** Accept only this API key (null: any key that starts with re_). */
  setApiKey(key: string | null): void;
  /** Refuse emails to these addresses as invalid (422). */
  rejectRecipients(addresses: string[]): void;
  close(): Promise<void>;
};

export type FakeStats = {
  requests: number;
  rateLimited: number;
  idempotentReplays: number;
  /** Requests refused for their API key (401). */
  unauthorized: number;
  /** Requests refused as invalid (422). */
  invalid: number;
};

export type FakeConfig = {
  requestsPerSecond?: number;
  failNext?: number;
  loseNext?: number;
  apiKey?: string | null;
  rejectRecipients?: string[];
};

type Stored = { bodyHash: string; status: number; response: unknown };

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

type EmailInput = Record<string, unknown>;

function validateEmail(input: EmailInput, rejected: ReadonlySet<string>): string | null {
  if (typeof input.from !== "string" || !input.from) return "Missing `from` field.";
  const to = input.to;
  if (!(typeof to === "string" || (Array.isArray(to) && to.length > 0 && to.length <= 50))) {
    return "Missing or invalid `to` field.";
  }
  if ((Array.isArray(to) ? to : [to]).some((address) => rejected.has(String(address).toLowerCase()))) {
    return "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.";
  }
  if (typeof input.subject !== "string" || !input.subject) return "Missing `subject` field.";
  if (typeof input.html !== "string" && typeof input.text !== "string")
    return "Missing `html` or `text` field.";
  return null;
}

export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  let rps = options.requestsPerSecond ?? 2;
  const emails: FakeEmail[] = [];
  const stats: FakeStats = { requests: 0, rateLimited: 0, idempotentReplays: 0, unauthorized: 0, invalid: 0 };
  const idempotency = new Map<string, Stored>();
  const recent: number[] = [];
  let failing = 0;
  let losing = 0;
  let apiKey: string | null = null;
  let rejected = new Set<string>();
  const configure = (config: FakeConfig) => {
    if (typeof config.requestsPerSecond === "number") rps = config.requestsPerSecond;
    if (typeof config.failNext === "number") failing = config.failNext;
    if (typeof config.loseNext === "number") losing = config.loseNext;
    if (config.apiKey !== undefined) apiKey = config.apiKey;
    if (config.rejectRecipients) rejected = new Set(config.rejectRecipients.map((a) => a.toLowerCase()));
  };

  function accept(input: EmailInput, idempotencyKey: string | undefined): FakeEmail {
    const email: FakeEmail = {
      id: randomUUID(),
      from: String(input.from),
      to: Array.isArray(input.to) ? input.to.map(String) : [String(input.to)],
      subject: String(input.subject),
      html: typeof input.html === "string" ? input.html : undefined,
      text: typeof input.text === "string" ? input.text : undefined,
      headers: (input.headers as Record<string, string>) ?? {},
      tags: input.tags,
      idempotencyKey,
      receivedAt: new Date().toISOString(),
    };
    emails.push(email);
    return email;
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    try {
      if (url.pathname === "/_fake/emails" && req.method === "GET") {
        const to = url.searchParams.get("to")?.toLowerCase();
        return json(res, 200, {
          data: to ? emails.filter((e) => e.to.some((t) => t.toLowerCase() === to)) : emails,
          stats,
        });
      }
      if (url.pathname === "/_fake/emails" && req.method === "DELETE") {
        emails.length = 0;
        idempotency.clear();
        return json(res, 200, { ok: true });
      }
      if (url.pathname === "/_fake/config" && req.method === "POST") {
        configure(JSON.parse(await readBody(req)) as FakeConfig);
        return json(res, 200, {
          requestsPerSecond: rps,
          failNext: failing,
          loseNext: losing,
          apiKey,
          rejectRecipients: [...rejected],
        });
      }

      if (req.method !== "POST" || (url.pathname !== "/emails" && url.pathname !== "/emails/batch")) {
        return json(res, 404, {
          statusCode: 404,
          name: "not_found",
          message: "The requested endpoint does not exist.",
        });
      }
      stats.requests++;
      const authorization = req.headers.authorization ?? "";
      if (!/^Bearer re_\S+$/.test(authorization)) {
        stats.unauthorized++;
        return json(res, 401, {
          statusCode: 401,
          name: "missing_api_key",
          message: "Missing API key in the authorization header.",
        });
      }
      if (apiKey !== null && authorization !== `Bearer ${apiKey}`) {
        stats.unauthorized++;
        return json(res, 401, { statusCode: 401, name: "validation_error", message: "API key is invalid" });
      }

      const now = Date.now();
      while (recent.length && recent[0]! <= now - 1000) recent.shift();
      if (rps > 0 && recent.length >= rps) {
        stats.rateLimited++;
        const retryAfter = Math.max(1, Math.ceil((recent[0]! + 1000 - now) / 1000));
        return json(
          res,
          429,
          {
            statusCode: 429,
            name: "rate_limit_exceeded",
            message: "Too many requests. You can only make 2 requests per second.",
          },
          {
            "retry-after": String(retryAfter),
            "ratelimit-limit": String(rps),
            "ratelimit-remaining": "0",
            "ratelimit-reset": String(retryAfter),
          },
        );
      }
      recent.push(now);

      const raw = await readBody(req);
      if (failing > 0) {
        failing--;
        return json(res, 500, {
          statusCode: 500,
          name: "internal_server_error",
          message: "An unexpected error occurred (injected by the fake).",
        });
      }
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return json(res, 422, { statusCode: 422, name: "validation_error", message: "Invalid JSON body." });
      }

      const key = req.headers["idempotency-key"];
      const keyValue = typeof key === "string" && key ? key : undefined;
      const idemKey = typeof key === "string" && key ? `${url.pathname}:${key}` : null;
      if (idemKey) {
        const seen = idempotency.get(idemKey);
        if (seen) {
          if (seen.bodyHash !== raw) {
            return json(res, 409, {
              statusCode: 409,
              name: "invalid_idempotent_request",
              message: "Same idempotency key used with a different request payload.",
            });
          }
          stats.idempotentReplays++;
          return json(res, seen.status, seen.response);
        }
      }

      let status = 200;
      let response: unknown;
      if (url.pathname === "/emails") {
        const problem = validateEmail(body as EmailInput, rejected);
        if (problem) {
          status = 422;
          response = { statusCode: 422, name: "validation_error", message: problem };
        } else {
          response = { id: accept(body as EmailInput, keyValue).id };
        }
      } else {
        const list = Array.isArray(body) ? (body as EmailInput[]) : null;
        const problem = !list
          ? "Body must be an array of emails."
          : list.length === 0 || list.length > 100
            ? "A batch holds between 1 and 100 emails."
            : list.map((email) => validateEmail(email, rejected)).find(Boolean);
        if (problem) {
          status = 422;
          response = { statusCode: 422, name: "validation_error", message: problem };
        } else {
          response = { data: list!.map((e) => ({ id: accept(e, keyValue).id })) };
        }
      }
      if (status === 422) stats.invalid++;
      if (idemKey && status === 200) idempotency.set(idemKey, { bodyHash: raw, status, response });
      if (losing > 0 && status === 200) {
        // Delivered, but the client never hears about it (a dropped connection).
        losing--;
        res.destroy();
        return;
      }
      return json(res, status, response);
    } catch (error) {
      return json(res, 500, { statusCode: 500, name: "internal_server_error", message: String(error) });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    stats,
    setRequestsPerSecond(value: number) {
      rps = value;
    },
    failNext(n: number) {
      failing = n;
    },
    loseNext(n: number) {
      losing = n;
    },
    setApiKey(key: string | null) {
      apiKey = key;
    },
    rejectRecipients(addresses: string[]) {
      configure({ rejectRecipients: addresses });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
