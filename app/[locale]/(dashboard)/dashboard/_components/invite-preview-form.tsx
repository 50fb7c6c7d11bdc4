"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateSharePreferences } from "@/lib/actions/update-share-preferences";
import { useTranslations } from "@/lib/i18n/client";

/** Opt-in: may link previews show "{first name} invites you"? Off by default. */
export function InvitePreviewForm({
  locale,
  firstName,
  isShown,
}: {
  locale: string;
  firstName: string | null;
  isShown: boolean;
}) {
  const t = useTranslations("referrals.preview");
  const tErrors = useTranslations("referrals.errors");
  const { state, formAction, pending, message } = useFormAction(updateSharePreferences, tErrors);

  return (
    <section aria-labelledby="invite-preview-heading" className="flex flex-col gap-3">
      <h3 id="invite-preview-heading" className="text-xl font-bold">
        {t("title")}
      </h3>
      {firstName ? (
        <form action={formAction} className="flex flex-col gap-3">
          <input type="hidden" name="locale" value={locale} />
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="showFirstName"
              defaultChecked={state?.ok ? state.data.showFirstName : isShown}
              aria-describedby="invite-preview-hint"
              className="mt-1 size-5"
            />
            <span>{t("label")}</span>
          </label>
          <p id="invite-preview-hint" className="text-sm text-ink-subtle">
            {t("hint", { name: firstName })}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant="secondary" pending={pending}>
              {t("save")}
            </Button>
            <p role="status" className="text-sm font-semibold text-success-900">
              {state?.ok ? t("saved") : ""}
            </p>
          </div>
          <FormAlert message={message} />
        </form>
      ) : (
        <p className="text-ink-muted">{t("hintNoName")}</p>
      )}
    </section>
  );
}
