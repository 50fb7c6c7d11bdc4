"use client";

import { type FormEvent, useActionState, useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/safe-action";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/**
 * A translator of one errors namespace (forms.errors, tracker.errors, …); each has
 * `invalid` and `unexpected`. Every form passes its own: client components name their
 * namespace literally, so the messages sent to the browser can be checked
 * (tests/unit/i18n-client-messages.test.ts).
 */
export type ErrorTranslator = {
  (key: string, values?: Record<string, number>): string;
  has(key: string): boolean;
};

type SafeParse = { success: true } | { success: false; error: z.ZodError };

/**
 * A form posting to a server action, with its errors translated: from the browser's own
 * check (`check`, the server's zod schema) when it failed, else from the action's last
 * answer. `message` is set whenever the last submit failed; `errors` holds the fields'
 * errors and `list` the same for an ErrorSummary. A failed check keeps the post from
 * leaving; each submit counts an `attempt`, the key that remounts (and so refocuses)
 * the summary.
 */
export function useFormAction<T>(
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
  t: ErrorTranslator,
  check?: (form: FormData) => SafeParse,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [attempt, setAttempt] = useState(0);

  const failed = state && !state.ok ? state : null;
  const errors: Record<string, string> = {};
  for (const [field, key] of Object.entries(clientErrors ?? failed?.fieldErrors ?? {})) {
    errors[field] = t.has(key) ? t(key) : t("invalid");
  }
  const list = Object.entries(errors).map(([field, text]) => ({ field, message: text }));
  let message: string | undefined;
  if (clientErrors) message = t("invalid");
  else if (failed) {
    // Only rate_limited reads it: when to try again.
    const minutes = Math.ceil((failed.retryAfterSeconds ?? 60) / 60);
    message = t.has(failed.error) ? t(failed.error, { minutes }) : t("unexpected");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setAttempt((n) => n + 1);
    const parsed = check?.(new FormData(event.currentTarget));
    if (parsed && !parsed.success) {
      event.preventDefault();
      setClientErrors(fieldErrorsOf(parsed.error));
    } else setClientErrors(null);
  }

  return { state, formAction, pending, errors, list, message, attempt, onSubmit };
}
