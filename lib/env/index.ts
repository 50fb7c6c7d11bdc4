import { z } from "zod";

// The one place that reads process.env. next.config.ts imports it, so a bad value
// fails `next build` and `next start` with one line naming the variable.

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: "must be a postgres:// or postgresql:// URL",
});

function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
}

export const serverEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: optional(postgresUrl),
    APP_URL: z.preprocess(emptyAsUndefined, z.url().default("http://localhost:3000")),
    AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)")),
    CAMPAIGN_CONFIG: optional(z.string()),
    CAMPAIGN_DEADLINE: optional(
      z.iso.datetime({
        offset: true,
        error: "must be an ISO 8601 instant with offset, e.g. 2025-05-27T00:00:00+02:00",
      }),
    ),
    RESEND_API_KEY: optional(z.string().startsWith("re_", "must start with re_")),
    RESEND_BASE_URL: optional(z.url()),
    RESEND_WEBHOOK_SECRET: optional(z.string().startsWith("whsec_", "must start with whsec_")),
    RESEND_REQUESTS_PER_SECOND: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().positive().max(100).default(2),
    ),
    EMAIL_FROM: z.preprocess(
      emptyAsUndefined,
      z.string().min(3).default("Object to AI training <noreply@localhost>"),
    ),
    CRON_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
    // Who may open the organiser console (/<locale>/organiser): comma-separated addresses.
    ORGANISER_EMAILS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default("")
        .transform((list) => list.split(",").map((address) => address.trim().toLowerCase()))
        .pipe(
          z.array(z.union([z.literal(""), z.email({ error: "must be comma-separated email addresses" })])),
        )
        .transform((list) => list.filter((address) => address !== "")),
    ),
    // Test launcher only (scripts/launch.ts): the console's "Send now" may then send as of
    // the "as of" time it was given, as `npm run reminders -- --now` does. Refused unless
    // mail goes to a fake Resend on this machine (see superRefine).
    ORGANISER_TEST_CLOCK: optional(z.literal("1", { error: "must be 1 or unset" })),
    // Sign-in emails allowed per address per 15 minutes, and per IP address per hour.
    RATE_LIMIT_SIGNIN_PER_EMAIL: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(1).max(1000).default(3),
    ),
    RATE_LIMIT_SIGNIN_PER_IP: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(1).max(1_000_000).default(20),
    ),
    // Sign-in emails per hour for everyone together: a flood from many addresses and
    // IPs must not burn the sending domain's reputation.
    RATE_LIMIT_SIGNIN_GLOBAL_PER_HOUR: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(1).max(10_000_000).default(2000),
    ),
    // How many reverse proxies (load balancer, CDN) append to X-Forwarded-For before the
    // app (lib/http/client-address.ts). 0: the socket's peer is the client.
    TRUSTED_PROXY_HOPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(5).default(0)),
    // Build output folder (default .next): lets two builds of one checkout coexist.
    NEXT_DIST_DIR: optional(z.string().regex(/^\.next[\w-]*$/, "must be .next or start with .next")),
    // Set by Vercel: the process may freeze once a response is sent (lib/mail/kick.ts).
    VERCEL: optional(z.string()),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.ORGANISER_TEST_CLOCK && !isLoopbackUrl(env.RESEND_BASE_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["ORGANISER_TEST_CLOCK"],
        message: "is for tests only: it needs RESEND_BASE_URL on 127.0.0.1 or localhost (a fake Resend)",
      });
    }
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    // Vercel's edge replaces X-Forwarded-For with the connecting client: no hop to count.
    if (env.VERCEL && env.TRUSTED_PROXY_HOPS > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["TRUSTED_PROXY_HOPS"],
        message: "must be 0 on Vercel, whose edge sets the client's address itself (x-real-ip)",
      });
    }
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Whether `argv` is `next start`. Next's own server passes a client-sent
 * X-Forwarded-For through and hides the socket's address, so per-client rate limits
 * would count whatever clients claim (lib/http/client-address.ts); `npm start` serves
 * the same build through scripts/server.ts, which reports the socket's address.
 */
export function isNextStart(argv: readonly string[]): boolean {
  return (argv[1] ?? "").split(/[\\/]/).at(-1) === "next" && argv[2] === "start";
}

/**
 * Parses an environment; throws an EnvError whose message is one line per bad variable
 * (or one line about a production server that cannot tell clients apart).
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  argv: readonly string[] = process.argv,
): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (result.success) {
    if (result.data.NODE_ENV === "production" && !result.data.VERCEL && isNextStart(argv)) {
      throw new EnvError(
        "Invalid setup: `next start` cannot tell clients apart (it passes a client-sent X-Forwarded-For through); start the app with `npm start` (scripts/server.ts)",
      );
    }
    return result.data;
  }
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const value = source[name];
    const message = issue.code === "invalid_type" && value === undefined ? "is required" : issue.message;
    return `Invalid environment variable ${name}: ${message}`;
  });
  throw new EnvError(lines.join("\n"));
}

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once per process. */
export function env(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
