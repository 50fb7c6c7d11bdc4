"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/safe-action";

/** The translated error of a reminders form's last answer, if it failed. */
export function useReminderError(state: ActionResult<unknown> | null): string | undefined {
  const t = useTranslations("reminders.errors");
  if (!state || state.ok) return undefined;
  return t.has(state.error) ? t(state.error) : t("unexpected");
}
