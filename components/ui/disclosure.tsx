import type { ReactNode } from "react";
import { cardClass } from "./card";

/**
 * Something folded away under a one-line summary (a native <details>: keyboard and
 * screen readers get it for free, and it works before JavaScript loads).
 */
export function Disclosure({
  summary,
  children,
  isOpen,
  className = "",
  id,
}: {
  summary: ReactNode;
  children: ReactNode;
  isOpen?: boolean;
  className?: string;
  id?: string;
}) {
  return (
    <details
      id={id}
      open={isOpen}
      className={cardClass({ padding: "none", className: `group ${className}` })}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-card p-4 font-semibold text-accent [&::-webkit-details-marker]:hidden">
        <span>{summary}</span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-5 shrink-0 transition-transform group-open:rotate-180"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M5 8l5 5 5-5" />
        </svg>
      </summary>
      <div className="flex flex-col gap-6 px-4 pb-4">{children}</div>
    </details>
  );
}
