import type { ComponentProps } from "react";

export type ButtonVariant =
  | "primary"
  | "secondary"
  | "quiet"
  | "danger"
  | "danger-secondary"
  | "success"
  | "inverse"
  | "inverse-secondary";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex items-center justify-center gap-2 rounded-control font-semibold text-center no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-70";
const variants: Record<ButtonVariant, string> = {
  primary: "bg-accent-fill text-on-accent hover:bg-accent-fill-hover",
  secondary: "border-2 border-accent bg-surface text-accent hover:bg-accent-soft",
  quiet: "text-accent underline underline-offset-4 hover:text-accent-strong",
  danger: "bg-danger-fill text-on-fill hover:bg-danger-fill-hover",
  // The way to a destructive step, not the step itself.
  "danger-secondary": "border-2 border-danger bg-surface text-danger hover:bg-danger-50",
  success: "bg-success-fill text-on-fill hover:bg-success-fill-hover",
  // On the brand-blue band of the landing page, the same in both schemes.
  inverse: "bg-white text-brand-900 hover:bg-brand-100",
  "inverse-secondary": "border-2 border-white text-white hover:bg-brand-700",
};
const sizes: Record<ButtonSize, string> = {
  sm: "px-3 py-2 text-sm",
  md: "px-4 py-2",
  lg: "px-5 py-3 text-lg",
};

/** The classes of a button, for a link that looks like one (`<a className={buttonClass()}>`). */
export function buttonClass({
  variant = "primary",
  size = "md",
  className = "",
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
} = {}): string {
  // A quiet button is a link to the eye: no padding box.
  return `${base} ${variants[variant]} ${variant === "quiet" ? "p-0" : sizes[size]} ${className}`.trim();
}

/**
 * A button with a variant. While `pending` it is disabled, says `pendingLabel` and is
 * marked aria-busy, so a second press cannot send the form twice.
 */
export function Button({
  variant,
  size,
  pending = false,
  pendingLabel,
  className,
  children,
  disabled,
  type = "button",
  ...props
}: ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  pending?: boolean;
  pendingLabel?: string;
}) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClass({ variant, size, className })}
      {...props}
    >
      {pending && (
        <span
          aria-hidden="true"
          className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
        />
      )}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
