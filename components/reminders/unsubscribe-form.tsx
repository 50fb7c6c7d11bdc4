"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { unsubscribeReminders } from "@/lib/actions/unsubscribe-reminders";
import { useReminderError } from "./use-reminder-error";

/** The confirm button of the visible unsubscribe page: only this POST unsubscribes. */
export function UnsubscribeForm({ token, locale }: { token: string; locale: string }) {
  const t = useTranslations("reminders.unsubscribe");
  const [state, formAction, pending] = useActionState(unsubscribeReminders, null);
  const error = useReminderError(state);

  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="rounded-md bg-green-50 p-4 font-semibold text-green-900">
          {t("done")}
        </p>
        <p>{t("resubscribe")}</p>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      {error && (
        <p role="alert" className="font-semibold text-alert-700">
          {error}
        </p>
      )}
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
        >
          {pending ? t("pending") : t("confirm")}
        </button>
      </div>
    </form>
  );
}
