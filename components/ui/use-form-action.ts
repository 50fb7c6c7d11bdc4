"use client";

import { type FormEvent, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { FieldErrors } from "@/lib/validation/field-errors";

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

/**
 * A form posting to a server action, with its errors translated: from the browser's own
 * check (`check`: the rules of the server's schema, without zod, answering the same
 * message keys) when it failed, else from the action's last answer. `message` is set
 * whenever the last submit failed; `errors` holds the fields' errors and `list` the
 * same for an ErrorSummary. A failed check keeps the post from leaving; each submit
 * counts an `attempt`, the key that remounts (and so refocuses) the summary.
 */
export function useFormAction<T>(
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
  t: ErrorTranslator,
  check?: (form: FormData) => FieldErrors | null,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
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
    const failed = check?.(new FormData(event.currentTarget)) ?? null;
    if (failed) event.preventDefault();
    setClientErrors(failed);
  }

  return { state, formAction, pending, errors, list, message, attempt, onSubmit };
}
