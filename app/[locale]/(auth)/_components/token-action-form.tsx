"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert, StatusNotice } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useTranslations } from "@/lib/i18n/client";

/**
 * The one button of a page a reminder's link opens: it posts the token, and only this
 * POST acts. Once the action succeeded, its confirmation (and what comes next) takes
 * the form's place.
 */
export function TokenActionForm<T>({
  action,
  token,
  locale,
  label,
  pendingLabel,
  confirmation,
  next,
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  token: string;
  locale: string;
  label: string;
  pendingLabel: string;
  confirmation: (data: T) => string;
  next: ReactNode;
}) {
  const tErrors = useTranslations("reminders.errors");
  const { state, formAction, pending, message } = useFormAction(action, tErrors);

  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <StatusNotice padding="md">{confirmation(state.data)}</StatusNotice>
        {next}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <FormAlert message={message} />
      <div>
        <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
          {label}
        </Button>
      </div>
    </form>
  );
}
