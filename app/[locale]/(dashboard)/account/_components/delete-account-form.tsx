"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteAccount } from "@/lib/actions/delete-account";
import { useTranslations } from "@/lib/i18n/client";
import { Link } from "@/lib/i18n/navigation";

/** The final step: a required tick, then the button; errors are announced in place. */
export function DeleteAccountForm({ locale }: { locale: string }) {
  const t = useTranslations("account");
  const tErrors = useTranslations("account.errors");
  const { formAction, pending, errors, message } = useFormAction(deleteAccount, tErrors);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="locale" value={locale} />
      {message && (
        <Card role="alert" tone="danger" variant="filled">
          <p className="font-bold text-danger">{tErrors("title")}</p>
          <p className="mt-1">{errors.confirm ?? message}</p>
        </Card>
      )}
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          required
          aria-invalid={errors.confirm ? true : undefined}
          className="mt-1 size-5"
        />
        <span>{t("confirm.checkbox")}</span>
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" variant="danger" pending={pending}>
          {t("confirm.button")}
        </Button>
        <Link href="/account" className="underline">
          {t("confirm.cancel")}
        </Link>
      </div>
    </form>
  );
}
