"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/safe-action";

/** The tracker forms' errors, translated from the keys the server answered with. */
export function useTrackerErrors(state: ActionResult<unknown> | null) {
  const t = useTranslations("tracker.errors");
  const text = (key: string) => (t.has(key) ? t(key) : t("unexpected"));
  if (!state || state.ok) return { errors: {} as Record<string, string>, message: undefined, list: [] };
  const errors: Record<string, string> = {};
  for (const [field, key] of Object.entries(state.fieldErrors ?? {})) errors[field] = text(key);
  const message = state.error === "invalid" ? t("invalid") : text(state.error);
  const list = Object.entries(errors).map(([field, error]) => ({ field, message: error }));
  return { errors, message, list };
}
