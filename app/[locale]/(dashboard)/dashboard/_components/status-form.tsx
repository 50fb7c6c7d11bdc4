"use client";

import { Button } from "@/components/ui/button";
import { describedBy, inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateSubmission } from "@/lib/actions/update-submission";
import { useTranslations } from "@/lib/i18n/client";
import { NOTE_MAX_LENGTH } from "@/lib/tracker/limits";
import type { Status } from "@/lib/tracker/progress";

type Props = {
  locale: string;
  submissionId: string;
  /** The status this form moves the account to. */
  status: Status;
  label: string;
  variant: "primary" | "secondary" | "quiet";
  /** Asks for the day (and a note) when recording a submission or a confirmation. */
  day?: { label: string; defaultValue: string; min: string | undefined; max: string };
  note?: string | null;
};

/** One change of an account's status: a button, with a date and note when it records something. */
export function StatusForm({ locale, submissionId, status, label, variant, day, note }: Props) {
  const t = useTranslations("tracker.status");
  const tErrors = useTranslations("tracker.errors");
  const { formAction, pending, errors, message } = useFormAction(updateSubmission, tErrors);
  const id = `${submissionId}-${status.toLowerCase()}`;
  const hasFieldError = Boolean(errors.day || errors.note);

  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="status" value={status} />
      <FormAlert id={`${id}-message`} message={message} />
      {/* Today is the usual answer: the date and a note are folded away, open on an error. */}
      {day && (
        <details open={hasFieldError || undefined} className="order-last">
          <summary className="cursor-pointer text-sm font-semibold text-accent">{t("moreDetails")}</summary>
          <div className="mt-3 flex flex-col gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-day`} className="font-semibold">
                {day.label}
              </label>
              <p id={`${id}-day-hint`} className="text-sm text-ink-subtle">
                {t("dateHint")}
              </p>
              {errors.day && (
                <p id={`${id}-day-error`} className="text-sm font-semibold text-danger">
                  {errors.day}
                </p>
              )}
              <input
                id={`${id}-day`}
                name="day"
                type="date"
                required
                defaultValue={day.defaultValue}
                min={day.min}
                max={day.max}
                className={`${inputClass} sm:w-56`}
                {...describedBy(`${id}-day`, { hint: true, error: errors.day })}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-note`} className="font-semibold">
                {t("note")}
              </label>
              <p id={`${id}-note-hint`} className="text-sm text-ink-subtle">
                {t("noteHint")}
              </p>
              {errors.note && (
                <p id={`${id}-note-error`} className="text-sm font-semibold text-danger">
                  {errors.note}
                </p>
              )}
              <textarea
                id={`${id}-note`}
                name="note"
                rows={2}
                defaultValue={note ?? ""}
                maxLength={NOTE_MAX_LENGTH}
                className={inputClass}
                {...describedBy(`${id}-note`, { hint: true, error: errors.note })}
              />
            </div>
          </div>
        </details>
      )}
      <div>
        <Button type="submit" variant={variant} pending={pending}>
          {label}
        </Button>
      </div>
    </form>
  );
}
