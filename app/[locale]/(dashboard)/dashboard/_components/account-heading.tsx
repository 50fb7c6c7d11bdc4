"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * An account's heading. When the account's status changes (the form that was used
 * is replaced by another), focus moves here so keyboard users are not sent back to
 * the top of the page.
 */
export function AccountHeading({
  id,
  status,
  children,
}: {
  id: string;
  status: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current !== status) ref.current?.focus();
    previous.current = status;
  }, [status]);
  return (
    <h4
      ref={ref}
      id={id}
      tabIndex={-1}
      className="text-lg font-semibold outline-none focus-visible:underline"
    >
      {children}
    </h4>
  );
}
