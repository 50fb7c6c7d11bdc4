"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/safe-action";

/** The invite card's form errors, translated from the keys the server answered with. */
export function useInviteErrors(state: ActionResult<unknown> | null) {
  const t = useTranslations("referrals.errors");
  const text = (key: string) => (t.has(key) ? t(key) : t("unexpected"));
  if (!state || state.ok) return { errors: {} as Record<string, string>, message: undefined };
  const errors: Record<string, string> = {};
  for (const [field, key] of Object.entries(state.fieldErrors ?? {})) errors[field] = text(key);
  return { errors, message: state.error === "invalid" ? undefined : text(state.error) };
}
