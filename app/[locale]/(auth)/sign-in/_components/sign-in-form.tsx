"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { useCheckedAction } from "@/components/ui/use-form-errors";
import { requestSignIn } from "@/lib/actions/request-sign-in";
import { signInSchema } from "@/lib/pledges/schema";

export function SignInForm({ locale }: { locale: string }) {
  const t = useTranslations("auth.signIn");
  const tForms = useTranslations("forms");
  const [email, setEmail] = useState("");
  const { formAction, pending, errors, summary, message, attempt, onSubmit } = useCheckedAction(
    requestSignIn,
    (form) => signInSchema.safeParse({ email: form.get("email"), locale: form.get("locale") }),
  );

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="mt-8 flex flex-col gap-6">
      {summary && !pending && (
        <ErrorSummary
          key={attempt}
          title={tForms("errorSummary")}
          message={message}
          errors={summary.errors}
        />
      )}
      <input type="hidden" name="locale" value={locale} />
      <Field id="email" label={t("email")} error={errors.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className={inputClass}
          {...describedBy("email", { error: errors.email })}
        />
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900 disabled:opacity-70"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
