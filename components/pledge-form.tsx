"use client";

import { useState } from "react";
import { LinkRequestForm } from "@/components/resend-link";
import { describedBy, EmailField, Field, inputClass, PlatformsQuestion } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createPledge } from "@/lib/actions/create-pledge";
import { useTranslations } from "@/lib/i18n/client";
import { checkPledgeForm } from "@/lib/pledges/form-check";
import { type ConsentWording, consentLabelKey } from "@/lib/reminders/consent-wording";

type Props = {
  locale: string;
  countries: { code: string; name: string }[];
  platforms: { id: string; name: string }[];
  /** Which wording of the reminders consent to show (and record); null: no reminder is left, none is asked. */
  consentWording: ConsentWording | null;
  /** On an invitation page: the code of whoever invited this visitor, posted with the form. */
  referralCode?: string;
};

/** The pledge form of /pledge and of the invitation pages (/r/CODE). */
export function PledgeForm({ locale, countries, platforms, consentWording, referralCode }: Props) {
  const t = useTranslations("pledge.form");
  const tForms = useTranslations("forms");
  const tErrors = useTranslations("forms.errors");
  const platformIds = platforms.map((p) => p.id);
  const form = useFormAction(createPledge, tErrors, (form) => checkPledgeForm(form, platformIds));
  const { errors, pending } = form;
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
    <LinkRequestForm form={form} locale={locale}>
      {referralCode && <input type="hidden" name="referralCode" value={referralCode} />}
      <EmailField
        label={t("email")}
        hint={t("emailHint")}
        error={errors.email}
        value={values.email}
        onChange={(email) => setValues((v) => ({ ...v, email }))}
      />

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
        <Select
          id="country"
          name="country"
          required
          value={values.country}
          onChange={(e) => setValues((v) => ({ ...v, country: e.target.value }))}
          {...describedBy("country", { error: errors.country })}
        >
          <option value="">{t("countryPlaceholder")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
          <option value="ZZ">{t("countryOther")}</option>
        </Select>
      </Field>

      <PlatformsQuestion
        legend={t("platforms")}
        hint={t("platformsHint")}
        error={errors.platforms}
        options={platforms}
        checked={values.platforms}
        onToggle={togglePlatform}
      />

      {/* No reminder left to send: no consent is asked for. */}
      {consentWording && (
        <div className="flex flex-col gap-1">
          <input type="hidden" name="consentWording" value={consentWording} />
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="remindersConsent"
              checked={values.consent}
              onChange={(e) => setValues((v) => ({ ...v, consent: e.target.checked }))}
              className="mt-1 size-5 shrink-0"
              aria-describedby="consent-hint"
            />
            <span>{t(consentLabelKey(consentWording))}</span>
          </label>
          <p id="consent-hint" className="pl-8 text-sm text-ink-subtle">
            {t("consentHint")}
          </p>
        </div>
      )}

      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
      <p className="text-sm text-ink-subtle">{t("privacy")}</p>
    </LinkRequestForm>
  );
}
