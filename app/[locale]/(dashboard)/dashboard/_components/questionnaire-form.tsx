"use client";

import { useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Choice, describedBy, Field, Fieldset, inputClass, PlatformsQuestion } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/form-alert";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveQuestionnaire } from "@/lib/actions/save-questionnaire";
import { useTranslations } from "@/lib/i18n/client";

type PlatformOption = {
  id: string;
  name: string;
  maxAccounts: number;
  linkGroup: string | null;
  /** What names an account there: an email address, or a phone number (WhatsApp). */
  accountIdentifier: "email" | "phone";
};

type Props = {
  locale: string;
  platforms: PlatformOption[];
  /** Names of the platforms that can be linked, as one phrase ("Facebook and Instagram"). */
  linkablePlatforms: string;
  initial: {
    platforms: string[];
    accounts: Record<string, number>;
    emails: Record<string, (string | null)[]>;
    accountsLinked: boolean | null;
  };
};

const choicesUpTo = (max: number) => Array.from({ length: max }, (_, i) => i + 1);

/**
 * Which platforms, how many accounts, linked or not, and each account's email address
 * or phone number, as the platform names its accounts. Every
 * control is in the page from the start, so the form also works without JavaScript;
 * with it, the parts that do not apply are hidden.
 */
export function QuestionnaireForm({ locale, platforms, linkablePlatforms, initial }: Props) {
  const t = useTranslations("tracker.questionnaire");
  const tErrors = useTranslations("tracker.errors");
  const { state, formAction, pending, errors, list, message, attempt, onSubmit } = useFormAction(
    saveQuestionnaire,
    tErrors,
  );
  const [chosen, setChosen] = useState(initial.platforms);
  const [counts, setCounts] = useState(initial.accounts);

  const groups = new Map<string, number>();
  for (const p of platforms) {
    if (p.linkGroup && chosen.includes(p.id)) groups.set(p.linkGroup, (groups.get(p.linkGroup) ?? 0) + 1);
  }
  const isLinkable = [...groups.values()].some((n) => n >= 2);
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((p) => p !== id)));

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {message && !pending && (
        <ErrorSummary key={attempt} title={tErrors("title")} message={message} errors={list} />
      )}
      {!pending && state?.ok && <StatusNotice>{t("saved")}</StatusNotice>}
      <input type="hidden" name="locale" value={locale} />

      <PlatformsQuestion
        legend={t("platforms")}
        hint={t("platformsHint")}
        error={errors.platforms}
        options={platforms}
        checked={chosen}
        onToggle={toggle}
      />

      {platforms.map((platform) => {
        const countId = `accounts_${platform.id}`;
        const count = counts[platform.id] ?? 1;
        return (
          <div
            key={platform.id}
            hidden={!chosen.includes(platform.id)}
            className="flex flex-col gap-4 border-l-4 border-line pl-4"
          >
            <Field
              id={countId}
              label={t("accounts", { platform: platform.name })}
              hint={t("accountsHint")}
              error={errors[countId]}
            >
              <Select
                id={countId}
                name={countId}
                value={count}
                onChange={(e) => setCounts((c) => ({ ...c, [platform.id]: Number(e.target.value) }))}
                className="sm:w-32"
                {...describedBy(countId, { hint: true, error: errors[countId] })}
              >
                {choicesUpTo(platform.maxAccounts).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            </Field>
            {Array.from({ length: count }, (_, i) => {
              const index = i + 1;
              const emailId = `email_${platform.id}_${index}`;
              const isPhone = platform.accountIdentifier === "phone";
              const kind = isPhone
                ? // Most people's WhatsApp number is their own: let the browser offer it.
                  ({ type: "tel", autoComplete: "tel", maxLength: 32 } as const)
                : // An account's address may not be the person's own: no suggestions.
                  ({ type: "email", autoComplete: "off", inputMode: "email", maxLength: 254 } as const);
              return (
                <Field
                  key={emailId}
                  id={emailId}
                  label={t(isPhone ? "phone" : "email", { platform: platform.name, index })}
                  hint={index === 1 ? t(isPhone ? "phoneHint" : "emailHint") : undefined}
                  error={errors[emailId]}
                  optionalLabel={t("optional")}
                >
                  <input
                    id={emailId}
                    name={emailId}
                    defaultValue={initial.emails[platform.id]?.[i] ?? ""}
                    className={inputClass}
                    {...kind}
                    {...describedBy(emailId, { hint: index === 1, error: errors[emailId] })}
                  />
                </Field>
              );
            })}
          </div>
        );
      })}

      {linkablePlatforms && (
        <Fieldset
          id="linked"
          legend={t("linked", { platforms: linkablePlatforms })}
          hint={t("linkedHint")}
          error={errors.linked}
          hidden={!isLinkable}
        >
          <Choice
            type="radio"
            name="linked"
            value="yes"
            defaultChecked={initial.accountsLinked === true}
            label={t("linkedYes")}
          />
          <Choice
            type="radio"
            name="linked"
            value="no"
            defaultChecked={initial.accountsLinked === false}
            label={t("linkedNo")}
          />
        </Fieldset>
      )}

      <p className="text-sm text-ink-subtle">{t("removeWarning")}</p>
      <div>
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
      </div>
    </form>
  );
}
