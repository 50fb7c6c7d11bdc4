import { Button, type ButtonVariant } from "./button";

/** A form's main button, which says so while the form is being sent. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  variant = "primary",
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
}) {
  return (
    <Button type="submit" size="lg" variant={variant} pending={pending} pendingLabel={pendingLabel}>
      {label}
    </Button>
  );
}
