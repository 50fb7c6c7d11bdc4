import type { ComponentProps } from "react";
import { inputClass } from "./field";

/**
 * A native <select> that looks like the other fields: the same frame, colours and
 * invalid state, and one chevron in every browser and scheme. Native, so the phone's
 * own picker, the keyboard and screen readers work as usual. `className` sizes it
 * (`sm:w-32`); wire it to its Field with `describedBy` as any control.
 */
export function Select({ className = "", children, ...props }: ComponentProps<"select">) {
  return (
    <div className={`relative ${className}`.trim()}>
      <select className={`${inputClass} cursor-pointer appearance-none pe-10`} {...props}>
        {children}
      </select>
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="pointer-events-none absolute end-3 top-1/2 size-5 -translate-y-1/2 text-ink-subtle"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M5 8l5 5 5-5" />
      </svg>
    </div>
  );
}
