"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { useCheckedAction } from "@/components/ui/use-form-errors";
import { createPledge } from "@/lib/actions/create-pledge";
import { pledgeFormValues, pledgeSchema } from "@/lib/pledges/schema";

type Props = {
  locale: string;
  countries: { code: string; name: string }[];
  platforms: { id: string; name: string }[];
};

export function PledgeForm({ locale, countries, platforms }: Props) {
  const t = useTranslations("pledge.form");
  const tForms = useTranslations("forms");
  const { formAction, pending, errors, summary, message, attempt, onSubmit } = useCheckedAction(
    createPledge,
    (form) => pledgeSchema(platforms.map((p) => p.id)).safeParse(pledgeFormValues(form)),
  );
  const [values, setValues] = useState({
    email: "",
    firstName: "",
    country: "",
    platforms: [] as string[],
    consent: false,
  });

  const togglePlatform = (id: string, on: boolean) =>
    setValues((v) => ({ ...v, platforms: on ? [...v.platforms, id] : v.platforms.filter((p) => p !== id) }));

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

      <Field id="email" label={t("email")} hint={t("emailHint")} error={errors.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          maxLength={254}
          value={values.email}
          onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
          className={inputClass}
          {...describedBy("email", { hint: true, error: errors.email })}
        />
      </Field>

      <Field
        id="firstName"
        label={t("firstName")}
        hint={t("firstNameHint")}
        error={errors.firstName}
        optionalLabel={tForms("optional")}
      >
        <input
          id="firstName"
          name="firstName"
          type="text"
          autoComplete="given-name"
          maxLength={50}
          value={values.firstName}
          onChange={(e) => setValues((v) => ({ ...v, firstName: e.target.value }))}
          className={inputClass}
          {...describedBy("firstName", { hint: true, error: errors.firstName })}
        />
      </Field>

      <Field id="country" label={t("country")} error={errors.country}>
        <select
          id="country"
          name="country"
          required
          value={values.country}
          onChange={(e) => setValues((v) => ({ ...v, country: e.target.value }))}
          className={inputClass}
          {...describedBy("country", { error: errors.country })}
        >
          <option value="">{t("countryPlaceholder")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
          <option value="ZZ">{t("countryOther")}</option>
        </select>
      </Field>

      <fieldset
        id="platforms"
        tabIndex={-1}
        className="flex flex-col gap-2"
        {...describedBy("platforms", { hint: true, error: errors.platforms })}
      >
        <legend className="font-semibold">{t("platforms")}</legend>
        <p id="platforms-hint" className="text-sm text-slate-600">
          {t("platformsHint")}
        </p>
        {errors.platforms && (
          <p id="platforms-error" className="text-sm font-semibold text-alert-700">
            {errors.platforms}
          </p>
        )}
        {platforms.map((platform) => (
          <label key={platform.id} className="flex items-center gap-3">
            <input
              type="checkbox"
              name="platforms"
              value={platform.id}
              checked={values.platforms.includes(platform.id)}
              onChange={(e) => togglePlatform(platform.id, e.target.checked)}
              className="size-5"
            />
            {platform.name}
          </label>
        ))}
      </fieldset>

      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="remindersConsent"
            checked={values.consent}
            onChange={(e) => setValues((v) => ({ ...v, consent: e.target.checked }))}
            className="mt-1 size-5 shrink-0"
            aria-describedby="consent-hint"
          />
          <span>{t("consentLabel")}</span>
        </label>
        <p id="consent-hint" className="pl-8 text-sm text-slate-600">
          {t("consentHint")}
        </p>
      </div>

      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900 disabled:opacity-70"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="text-sm text-slate-600">{t("privacy")}</p>
    </form>
  );
}
