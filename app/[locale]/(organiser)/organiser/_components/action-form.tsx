"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useTranslations } from "@/lib/i18n/client";

/** One console action: a POST with hidden fields, its result announced in place. */
export function ActionForm<T extends Record<string, unknown>>({
  action,
  fields,
  label,
  done,
  children,
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  /** Key under organiser.actions.done, given the action's counts. */
  done: "resolved" | "approved" | "dismissed" | "started";
  children?: React.ReactNode;
}) {
  const t = useTranslations("organiser.actions");
  const tErrors = useTranslations("organiser.errors");
  const { state, formAction, pending, message } = useFormAction(action, tErrors);
  const counts: Record<string, unknown> = state?.ok ? state.data : {};
  const count = (name: string) => (typeof counts[name] === "number" ? (counts[name] as number) : 0);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" pending={pending} pendingLabel={t("pending")}>
        {label}
      </Button>
      {state?.ok ? (
        <p role="status" className="text-sm text-ink-muted">
          {t(`done.${done}`, {
            resolved: count("resolved"),
            cleared: count("cleared"),
            dismissed: count("dismissed"),
            reminder: String(counts.reminder ?? ""),
          })}
        </p>
      ) : null}
      <FormAlert message={message} isSmall />
    </form>
  );
}
