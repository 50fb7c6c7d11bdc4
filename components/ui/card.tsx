import type { ComponentProps, ElementType } from "react";

export type CardTone = "neutral" | "accent" | "success" | "warning" | "danger";
export type CardVariant = "outline" | "filled" | "soft" | "callout";
export type CardPadding = "none" | "sm" | "md" | "lg";

// Each tone's border and tint are tokens whose text pairs (ink, and the -900 shades)
// meet WCAG AA in both schemes (app/globals.css).
const looks: Record<CardVariant, Record<CardTone, string>> = {
  // A panel: a thin line, or a coloured frame that says "this one" (the next step).
  outline: {
    neutral: "border border-line",
    accent: "border-2 border-accent",
    success: "border-2 border-success",
    warning: "border-2 border-warning",
    danger: "border-2 border-danger",
  },
  // A message that must stand out: a frame and its tint.
  filled: {
    neutral: "border-2 border-line-strong bg-surface-muted",
    accent: "border-2 border-accent bg-accent-soft",
    success: "border-2 border-success bg-success-50",
    warning: "border-2 border-warning bg-warning-50",
    danger: "border-2 border-danger bg-danger-50",
  },
  // A quiet box inside a panel, or a short note: a tint, no frame.
  soft: {
    neutral: "bg-surface-sunken",
    accent: "bg-accent-soft",
    success: "bg-success-50",
    warning: "bg-warning-50",
    danger: "bg-danger-50",
  },
  // Good to know: a tint with a bar on the leading edge.
  callout: {
    neutral: "border-s-4 border-line-strong bg-surface-muted",
    accent: "border-s-4 border-accent bg-accent-soft",
    success: "border-s-4 border-success bg-success-50",
    warning: "border-s-4 border-warning bg-warning-50",
    danger: "border-s-4 border-danger bg-danger-50",
  },
};
const paddings: Record<CardPadding, string> = { none: "", sm: "p-3", md: "p-4", lg: "p-4 sm:p-6" };

type Look = { tone?: CardTone; variant?: CardVariant; padding?: CardPadding };

/** The classes of a card, for an element Card cannot render (a <details>, a <form> with its own props). */
export function cardClass({
  tone = "neutral",
  variant = "outline",
  padding = "md",
  className = "",
}: Look & { className?: string } = {}): string {
  return `rounded-card ${looks[variant][tone]} ${paddings[padding]} ${className}`.trim();
}

type CardElement = "div" | "section" | "article" | "aside" | "li" | "p" | "form";

/**
 * A box around related content: a panel (outline), a message that must stand out
 * (filled), a quiet box or note (soft), or a "good to know" (callout). `as` picks the
 * element, so a card is still a section with its heading, a list item, a status.
 */
export function Card<T extends CardElement = "div">({
  as,
  tone,
  variant,
  padding,
  className,
  ...props
}: Look & { as?: T; className?: string } & Omit<ComponentProps<T>, "className">) {
  const Element = (as ?? "div") as ElementType;
  return <Element className={cardClass({ tone, variant, padding, className })} {...props} />;
}
