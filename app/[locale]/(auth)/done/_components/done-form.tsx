"use client";

import { recordObjectionDone } from "@/lib/actions/record-objection-done";
import { useTranslations } from "@/lib/i18n/client";
import { TokenActionForm } from "../../_components/token-action-form";

/** "Yes, I've filed it": records the objection the reminder was about. */
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
  const platform = platformName;
  return (
    <TokenActionForm
      action={recordObjectionDone}
      token={token}
      locale={locale}
      label={t("confirm")}
      pendingLabel={t("pending")}
      confirmation={(data) =>
        data.changed > 0 ? t("recorded", { platform }) : t("recordedNothing", { platform })
      }
      next={
        <>
          <p>{t("nextSteps", { platform })}</p>
          <a href={`/${locale}/dashboard`} className="font-semibold text-accent underline underline-offset-4">
            {t("dashboard")}
          </a>
        </>
      }
    />
  );
}
