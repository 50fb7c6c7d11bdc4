"use client";

import { useState } from "react";
import { LinkRequestForm } from "@/components/resend-link";
import { EmailField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestSignIn } from "@/lib/actions/request-sign-in";
import { useTranslations } from "@/lib/i18n/client";
import { checkSignInForm } from "@/lib/pledges/form-check";

export function SignInForm({ locale }: { locale: string }) {
  const t = useTranslations("auth.signIn");
  const [email, setEmail] = useState("");
  const tErrors = useTranslations("forms.errors");
  const form = useFormAction(requestSignIn, tErrors, checkSignInForm);
  const { errors, pending } = form;

  return (
    <LinkRequestForm form={form} locale={locale}>
      <EmailField label={t("email")} error={errors.email} value={email} onChange={setEmail} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </LinkRequestForm>
  );
}
