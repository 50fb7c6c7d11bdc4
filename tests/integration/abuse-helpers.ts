// Shared by the abuse-*.test.ts files (each attack on the app has its own file).
import { Auth, type AuthConfig, raw, skipCSRFCheck } from "@auth/core";
import pg from "pg";

/**
 * next-auth itself cannot load under vitest (its `import "next/server"` fails in Node's
 * ESM resolver), but its server half is a thin layer over @auth/core. This is that
 * layer, as next-auth/lib/actions.js and lib/index.js write it, so lib/auth's real
 * configuration (Prisma adapter, callbacks, the email provider that queues mail)
 * runs: tests mock "next-auth" with it. `requests` records what reached Auth.js.
 */
export const authRequests: { method: string; url: string }[] = [];

export function nextAuthOverCore(config: AuthConfig) {
  const full: AuthConfig = { ...config, basePath: "/api/auth", trustHost: true };
  const base = () => process.env.AUTH_URL ?? "http://localhost:3000/api/auth";
  const handler = (request: Request) => {
    authRequests.push({ method: request.method, url: request.url });
    return Auth(request, full);
  };
  async function signIn(provider: string, options: Record<string, unknown> = {}) {
    const { redirect: _redirect, redirectTo, ...rest } = options;
    const body = new URLSearchParams({
      ...(rest as Record<string, string>),
      callbackUrl: String(redirectTo ?? "/"),
    });
    const request = new Request(`${base()}/signin/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    authRequests.push({ method: "POST", url: request.url });
    const response = await Auth(request, { ...full, raw, skipCSRFCheck });
    return response.redirect;
  }
  return {
    handlers: { GET: handler, POST: handler },
    auth: async () => null,
    signIn,
    signOut: async () => undefined,
  };
}

/** next-intl/server outside Next's react-server build: the real messages. */
export async function nextIntlServer() {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  type Options = { locale?: string; namespace?: string } | string | undefined;
  const localeOf = (options: Options) => (typeof options === "object" && options.locale) || "en";
  return {
    getTranslations: async (options: Options) =>
      createTranslator({
        locale: localeOf(options),
        messages: loadMessages(localeOf(options)),
        namespace: typeof options === "string" ? options : options?.namespace,
      }),
    getLocale: async () => "en",
    setRequestLocale: () => undefined,
  };
}

/** A server action's redirect (thrown by redirect()), or null for anything else. */
export function redirectTarget(error: unknown): string | null {
  if (!(error instanceof Error) || !("digest" in error)) return null;
  const digest = String(error.digest);
  return digest.startsWith("NEXT_REDIRECT") ? (digest.split(";")[2] ?? "") : null;
}

/** Runs a server action built with defineAction; a redirect is returned, not thrown. */
export async function runAction(
  action: (previous: null, form: FormData) => Promise<unknown>,
  fields: Record<string, string | string[]>,
): Promise<{ redirect: string } | { result: unknown }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  }
  try {
    return { result: await action(null, form) };
  } catch (error) {
    const target = redirectTarget(error);
    if (target === null) throw error;
    return { redirect: target };
  }
}

/**
 * Every SQL statement sent to PostgreSQL (Prisma's adapter and the rate limiter both
 * use node-postgres) while `run` runs, as "VERB table" ("SELECT users").
 */
export async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: node-postgres's query has a dozen overloads
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    const config = args[0];
    const text = typeof config === "string" ? config : (config?.text ?? "");
    seen.push(describeStatement(text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

function describeStatement(text: string): string {
  const sql = text.replace(/\s+/g, " ").trim();
  const verb = (sql.match(/^\w+/)?.[0] ?? "").toUpperCase();
  const table = sql.match(/\b(?:FROM|INTO|UPDATE)\s+(?:"?\w+"?\.)?"?(\w+)"?/i)?.[1] ?? "";
  return `${verb} ${table}`.trim();
}

/** What the fake Resend server delivered to `to`. */
export async function deliveredTo(to: string): Promise<unknown[]> {
  const base = process.env.FAKE_RESEND_URL;
  if (!base) throw new Error("FAKE_RESEND_URL is not set: run through `npm test`");
  const response = await fetch(`${base}/_fake/emails?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { data: unknown[] }).data;
}

/**
 * A request body of `totalBytes` that counts how much of it was read: a handler that
 * refuses a huge body must do so without pulling it all in.
 */
export function countingBody(totalBytes: number, chunkBytes = 16 * 1024) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) {
        controller.close();
        return;
      }
      const size = Math.min(chunkBytes, totalBytes - pulled);
      pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}
