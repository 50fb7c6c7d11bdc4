"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recordObjectionDone } from "@/lib/actions/record-objection-done";
import { useReminderError } from "./use-reminder-error";

/** The "Yes, I've filed it" button of the page a reminder's link opens: only this POST records. */
export function DoneForm({
  token,
  locale,
  platformName,
}: {
  token: string;
  locale: string;
  platformName: string;
}) {
  const t = useTranslations("reminders.done");
  const [state, formAction, pending] = useActionState(recordObjectionDone, null);
  const error = useReminderError(state);

  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="rounded-md bg-green-50 p-4 font-semibold text-green-900">
          {state.data.changed > 0
            ? t("recorded", { platform: platformName })
            : t("recordedNothing", { platform: platformName })}
        </p>
        <p>{t("nextSteps", { platform: platformName })}</p>
        <a
          href={`/${locale}/dashboard`}
          className="font-semibold text-brand-700 underline underline-offset-4"
        >
          {t("dashboard")}
        </a>
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
