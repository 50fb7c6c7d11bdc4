"use client";

import { useEffect, useRef } from "react";
import { cardClass } from "./card";

/** A focused summary of a form's errors, linking to each field (GOV.UK pattern). */
export function ErrorSummary({
  title,
  message,
  errors,
}: {
  title: string;
  message?: string;
  errors: { field: string; message: string }[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className={cardClass({ tone: "danger", variant: "filled" })}
    >
      <h2 id="error-summary-title" className="font-bold text-danger">
        {title}
      </h2>
      {message && <p className="mt-1">{message}</p>}
      {errors.length > 0 && (
        <ul className="mt-2 list-disc pl-5">
          {errors.map((error) => (
            <li key={error.field}>
              <a href={`#${error.field}`} className="text-danger underline">
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
