import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// The "delete my account" form's one schema (the confirmation step and the action).
// Error messages are message keys under "account.errors".

export const deleteAccountSchema = z.object({
  locale: z.enum(LOCALES, { error: "invalid" }),
  confirm: z.literal("yes", { error: "confirm_required" }),
});
export type DeleteAccount = z.infer<typeof deleteAccountSchema>;

export function deleteAccountFormValues(form: FormData): unknown {
  const confirm = form.get("confirm");
  return { locale: form.get("locale"), confirm: confirm === null ? undefined : confirm };
}
