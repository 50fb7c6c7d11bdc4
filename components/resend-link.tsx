"use client";

import { type ReactNode, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { ErrorSummary } from "@/components/ui/error-summary";
import { EmailField } from "@/components/ui/field";
import { FormAlert, StatusNotice } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestSignIn } from "@/lib/actions/request-sign-in";
import { useTranslations } from "@/lib/i18n/client";
import { checkSignInForm } from "@/lib/pledges/form-check";

// The check-email pages are the same for everyone (prerendered, no cookie read), so
// the address a link went to is kept in this tab's sessionStorage by the form that
// sent it, and shown from there. "Send it again" posts to the rate-limited sign-in
// action; without a remembered address it asks for one.

const STORAGE_KEY = "link-sent-to";

/** Remembers, in this tab only, the address a link is being sent to. */
export function rememberLinkAddress(email: string) {
  try {
    sessionStorage.setItem(STORAGE_KEY, email.trim());
  } catch {
    // storage disabled: the page then asks for the address
  }
}

/**
 * A form whose answer is a mailed link (pledge, sign-in): it remembers the address for
 * the check-email page, leads with the error summary and carries the locale.
 */
export function LinkRequestForm({
  form,
  locale,
  children,
}: {
  form: Pick<
    ReturnType<typeof useFormAction>,
    "formAction" | "onSubmit" | "message" | "pending" | "attempt" | "list"
  >;
  locale: string;
  children: ReactNode;
}) {
  const t = useTranslations("forms");
  return (
    <form
      action={form.formAction}
      onSubmit={(event) => {
        form.onSubmit(event);
        if (!event.defaultPrevented)
          rememberLinkAddress(String(new FormData(event.currentTarget).get("email")));
      }}
      noValidate
      className="mt-8 flex flex-col gap-6"
    >
      {form.message && !form.pending && (
        <ErrorSummary
          key={form.attempt}
          title={t("errorSummary")}
          message={form.message}
          errors={form.list}
        />
      )}
      <input type="hidden" name="locale" value={locale} />
      {children}
    </form>
  );
}

export function ResendLink({ locale, from }: { locale: string; from: "pledge" | "sign-in" }) {
  const t = useTranslations("auth.resend");
  const tErrors = useTranslations("forms.errors");
  const [remembered, setRemembered] = useState<string | null>(null);
  const [isResent, setIsResent] = useState(false);
  const [typed, setTyped] = useState("");
  const { formAction, pending, errors, message, onSubmit } = useFormAction(
    requestSignIn,
    tErrors,
    checkSignInForm,
  );

  useEffect(() => {
    try {
      setRemembered(sessionStorage.getItem(STORAGE_KEY));
    } catch {
      setRemembered(null);
    }
    setIsResent(new URLSearchParams(window.location.search).get("resent") === "1");
  }, []);

  return (
    <div className="flex flex-col gap-4">
      {remembered && (
        <p>
          {t("sentTo")} <strong className="break-all">{remembered}</strong>
        </p>
      )}
      <div aria-live="polite">{isResent && !pending && <StatusNotice>{t("resent")}</StatusNotice>}</div>
      <form
        action={formAction}
        onSubmit={(event) => {
          const email = new FormData(event.currentTarget).get("email");
          if (typeof email === "string") rememberLinkAddress(email);
          onSubmit(event);
        }}
        noValidate
        className={cardClass({ className: "flex flex-col gap-3" })}
      >
        <h2 className="font-bold text-lg">{t("title")}</h2>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="resendFrom" value={from} />
        {remembered ? (
          <input type="hidden" name="email" value={remembered} />
        ) : (
          <EmailField label={t("email")} error={errors.email} value={typed} onChange={setTyped} />
        )}
        <FormAlert message={message && !pending ? message : undefined} />
        <div>
          <Button type="submit" variant="secondary" pending={pending} pendingLabel={t("sending")}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </div>
  );
}
