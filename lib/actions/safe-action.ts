import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { requestLogger } from "@/lib/http/request-log";
import { logger } from "@/lib/log";
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
