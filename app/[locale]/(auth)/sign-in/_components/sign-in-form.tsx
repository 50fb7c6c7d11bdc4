"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { rememberLinkAddress } from "@/components/resend-link";
import { ErrorSummary } from "@/components/ui/error-summary";
import { EmailField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestSignIn } from "@/lib/actions/request-sign-in";
import { signInSchema } from "@/lib/pledges/schema";

export function SignInForm({ locale }: { locale: string }) {
  const t = useTranslations("auth.signIn");
  const tForms = useTranslations("forms");
  const [email, setEmail] = useState("");
  const tErrors = useTranslations("forms.errors");
  const { formAction, pending, errors, list, message, attempt, onSubmit } = useFormAction(
    requestSignIn,
    tErrors,
    (form) => signInSchema.safeParse({ email: form.get("email"), locale: form.get("locale") }),
  );

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        onSubmit(event);
        if (!event.defaultPrevented)
          rememberLinkAddress(String(new FormData(event.currentTarget).get("email")));
      }}
      noValidate
      className="mt-8 flex flex-col gap-6"
    >
      {message && !pending && (
        <ErrorSummary key={attempt} title={tForms("errorSummary")} message={message} errors={list} />
      )}
      <input type="hidden" name="locale" value={locale} />
      <EmailField label={t("email")} error={errors.email} value={email} onChange={setEmail} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
