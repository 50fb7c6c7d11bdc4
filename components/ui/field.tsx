import type { ComponentProps, ReactNode } from "react";

type Notes = { id: string; hint?: string; error?: string };

/** A control's hint and error, with the ids describedBy points to. */
function FieldNotes({ id, hint, error }: Notes) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-ink-subtle">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {error}
        </p>
      )}
    </>
  );
}

/** Label, hint and error wired to one control through ids (aria-describedby). */
export function Field({
  id,
  label,
  hint,
  error,
  optionalLabel,
  children,
}: Notes & { label: string; optionalLabel?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
        {optionalLabel && <span className="font-normal text-ink-subtle"> ({optionalLabel})</span>}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/**
 * A group of checkboxes or radio buttons under one legend, with its hint and error. It
 * takes focus (tabIndex -1) so an ErrorSummary's link to `#id` can move there.
 */
export function Fieldset({
  id,
  legend,
  hint,
  error,
  hidden,
  children,
}: Notes & { legend: string; hidden?: boolean; children: ReactNode }) {
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      hidden={hidden}
      className="flex flex-col gap-2"
      {...describedBy(id, { hint: Boolean(hint), error })}
    >
      <legend className="font-semibold">{legend}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}

/** One checkbox or radio button with its label, as a Fieldset lists them. */
export function Choice({ label, ...input }: { label: string } & ComponentProps<"input">) {
  return (
    <label className="flex items-center gap-3">
      <input {...input} className="size-5" />
      {label}
    </label>
  );
}

/** Several options to tick, sent as `name` once per ticked option (the Fieldset's id too). */
export function CheckboxGroup({
  name,
  options,
  checked,
  onToggle,
  ...fieldset
}: Omit<Notes, "id"> & {
  name: string;
  legend: string;
  options: readonly { id: string; name: string }[];
  checked: readonly string[];
  onToggle: (id: string, isChecked: boolean) => void;
}) {
  return (
    <Fieldset id={name} {...fieldset}>
      {options.map((option) => (
        <Choice
          key={option.id}
          type="checkbox"
          name={name}
          value={option.id}
          checked={checked.includes(option.id)}
          onChange={(e) => onToggle(option.id, e.target.checked)}
          label={option.name}
        />
      ))}
    </Fieldset>
  );
}

/** The person's own email address, as browsers and password managers expect it (id and name "email"). */
export function EmailField({
  label,
  hint,
  error,
  value,
  onChange,
}: Omit<Notes, "id"> & { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field id="email" label={label} hint={hint} error={error}>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        maxLength={254}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
        {...describedBy("email", { hint: Boolean(hint), error })}
      />
    </Field>
  );
}

/** The aria attributes a control needs to be described by its Field's hint and error. */
export function describedBy(id: string, { hint, error }: { hint?: boolean; error?: string }) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? true : undefined } as const;
}

export const inputClass =
  "w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger";

/** Which platforms the person uses: one question, field name "platforms", wherever it is asked. */
export function PlatformsQuestion(props: Omit<ComponentProps<typeof CheckboxGroup>, "name">) {
  return <CheckboxGroup name="platforms" {...props} />;
}
