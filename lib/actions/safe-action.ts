import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentOrganiser } from "@/lib/auth/organiser";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { requestLogger } from "@/lib/http/request-log";
import { logger } from "@/lib/log";
import { recordAuditEntry } from "@/lib/organiser/record-audit-entry";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

// Every server action is built here: resolve the person (when required), parse the
// form with its zod schema, then run the handler with both. It returns an
// ActionResult, never a raw exception; `error` and field errors are message keys
// translated by the form that shows them. redirect()/notFound() pass through.

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; retryAfterSeconds?: number };

type Options<S extends z.ZodType> = {
  name: string;
  schema: S | (() => S);
  /** Turns the submitted FormData into the object the schema parses. */
  input: (form: FormData) => unknown;
  requireUser: boolean;
};

type Context<U> = { user: U };

export function defineAction<S extends z.ZodType, T>(
  options: Options<S> & { requireUser: true },
  handler: (data: z.infer<S>, context: Context<SessionUser>) => Promise<ActionResult<T>>,
): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType, T>(
  options: Options<S> & { requireUser: false },
  handler: (data: z.infer<S>, context: Context<SessionUser | null>) => Promise<ActionResult<T>>,
): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
export function defineAction<S extends z.ZodType, T>(
  options: Options<S>,
  handler: (data: z.infer<S>, context: Context<SessionUser>) => Promise<ActionResult<T>>,
) {
  return async (_previous: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => {
    try {
      const user = await currentUser();
      if (options.requireUser && !user) return { ok: false, error: "signed_out" };
      const schema = typeof options.schema === "function" ? (options.schema as () => S)() : options.schema;
      const parsed = schema.safeParse(options.input(form));
      if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
      // Without requireUser the handler was declared to accept a null user.
      return await handler(parsed.data, { user } as Context<SessionUser>);
    } catch (error) {
      unstable_rethrow(error);
      await logActionError(options.name, error);
      return { ok: false, error: "unexpected" };
    }
  };
}

type OrganiserOptions<S extends z.ZodType> = Omit<Options<S>, "requireUser"> & {
  /** What the action acts on, for the audit log (a platform id, a pledge id, a reminder key). */
  target: (data: z.infer<S>) => string | null;
};

/**
 * An organiser console action: anyone without the organiser role (signed out, or
 * signed in as someone else) gets a 404, as from the console's pages, before the form
 * is even parsed. Every call that gets past the role check is written to the audit
 * log with its outcome (the counts it returns, or its error code).
 */
export function defineOrganiserAction<S extends z.ZodType, T extends Record<string, unknown> | null>(
  options: OrganiserOptions<S>,
  handler: (data: z.infer<S>, context: Context<SessionUser>) => Promise<ActionResult<T>>,
): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>> {
  return async (_previous, form) => {
    const organiser = await currentOrganiser();
    if (!organiser) notFound();
    let target: string | null = null;
    let result: ActionResult<T>;
    try {
      const schema = typeof options.schema === "function" ? (options.schema as () => S)() : options.schema;
      const parsed = schema.safeParse(options.input(form));
      if (parsed.success) {
        target = options.target(parsed.data);
        result = await handler(parsed.data, { user: organiser });
      } else result = { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
    } catch (error) {
      unstable_rethrow(error);
      await logActionError(options.name, error);
      result = { ok: false, error: "unexpected" };
    }
    try {
      await recordAuditEntry({
        userId: organiser.id,
        action: options.name,
        target,
        result: result.ok ? "ok" : result.error,
        detail: result.ok ? result.data : null,
      });
    } catch (error) {
      await logActionError(options.name, error);
      return { ok: false, error: "unexpected" };
    }
    return result;
  };
}

/** Logs with the request id when there is a request (scripts and tests have none). */
async function logActionError(action: string, error: unknown): Promise<void> {
  let log = logger.child({ action });
  try {
    log = await requestLogger({ action });
  } catch {
    // no request scope: keep the plain logger
  }
  log.error({ err: error }, "server action failed");
}
