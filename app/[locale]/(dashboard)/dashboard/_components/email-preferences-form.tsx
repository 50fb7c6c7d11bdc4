"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateReminderPreferences } from "@/lib/actions/update-reminder-preferences";
import { useTranslations } from "@/lib/i18n/client";
import { type ConsentWording, consentLabelKey } from "@/lib/reminders/consent-wording";

/** Reminders on or off, for the signed-in person. Turning them on records the wording shown here. */
export function EmailPreferencesForm({
  locale,
  isEnabled,
  isAfterDeadline,
  wording,
}: {
  locale: string;
  isEnabled: boolean;
  /** Past the deadline there is no "before the deadline" to remind about. */
  isAfterDeadline: boolean;
  /** The consent's wording for turning them on; null: no reminder is left, only "off" is offered. */
  wording: ConsentWording | null;
}) {
  const t = useTranslations("reminders.preferences");
  const tErrors = useTranslations("reminders.errors");
  const { state, formAction, pending, message } = useFormAction(updateReminderPreferences, tErrors);
  const enabled = state?.ok ? state.data.isEnabled : isEnabled;

  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
      {wording && <input type="hidden" name="consentWording" value={wording} />}
      <p role="status">
        {state?.ok
          ? enabled
            ? t("savedOn")
            : t("savedOff")
          : wording === null
            ? t("noneLeft")
            : enabled
              ? t(isAfterDeadline ? "onAfter" : "on")
              : t("off")}
      </p>
      {!enabled && wording && <p className="text-sm text-ink-muted">{t(consentLabelKey(wording))}</p>}
      <FormAlert message={message} />
      {(enabled || wording) && (
        <div>
          <Button type="submit" variant="secondary" pending={pending} pendingLabel={t("pending")}>
            {enabled ? t("turnOff") : t("turnOn")}
          </Button>
        </div>
      )}
    </form>
  );
}
