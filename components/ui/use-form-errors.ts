"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/safe-action";

/** The first error of each field of a failed zod parse (client side), as message keys. */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  return fields;
}

/**
 * Translated errors for a form, from the browser's own check (when it failed) or
 * else from the server action's last answer.
 */
export function useFormErrors(
  state: ActionResult<unknown> | null,
  clientErrors: Record<string, string> | null,
) {
  const t = useTranslations("forms.errors");
  const keys = clientErrors ?? (state && !state.ok ? (state.fieldErrors ?? {}) : {});
  const errors: Record<string, string> = {};
  for (const [field, key] of Object.entries(keys)) errors[field] = t.has(key) ? t(key) : t("invalid");

  let message: string | undefined;
  if (!clientErrors && state && !state.ok && state.error !== "invalid") {
    message =
      state.error === "rate_limited"
        ? t("rate_limited", { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })
        : t.has(state.error)
          ? t(state.error)
          : t("unexpected");
  }
  const list = Object.entries(errors).map(([field, text]) => ({ field, message: text }));
  const summary = list.length || message ? { errors: list } : null;
  return { errors, message: message ?? (list.length ? t("invalid") : undefined), summary };
}

type SafeParse = { success: true } | { success: false; error: z.ZodError };

/**
 * A server-action form checked in the browser first with the same zod schema as
 * the server: a failed check keeps the post from leaving and shows the errors; each
 * submit remounts the error summary (key `attempt`), which moves focus to it.
 */
export function useCheckedAction<T>(
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
  check: (form: FormData) => SafeParse,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { errors, summary, message } = useFormErrors(state, clientErrors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setAttempt((n) => n + 1);
    const parsed = check(new FormData(event.currentTarget));
    if (!parsed.success) {
      event.preventDefault();
      setClientErrors(fieldErrorsFromZod(parsed.error));
    } else setClientErrors(null);
  }

  return { formAction, pending, errors, summary, message, attempt, onSubmit };
}
