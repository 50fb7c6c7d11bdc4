"use client";

import { unsubscribeReminders } from "@/lib/actions/unsubscribe-reminders";
import { useTranslations } from "@/lib/i18n/client";
import { TokenActionForm } from "../../_components/token-action-form";

/** "Stop reminders": the visible page's unsubscribe, for the person the token names. */
export function UnsubscribeForm({ token, locale }: { token: string; locale: string }) {
  const t = useTranslations("reminders.unsubscribe");
  return (
    <TokenActionForm
      action={unsubscribeReminders}
      token={token}
      locale={locale}
      label={t("confirm")}
      pendingLabel={t("pending")}
      confirmation={() => t("done")}
      next={<p>{t("resubscribe")}</p>}
    />
  );
}
