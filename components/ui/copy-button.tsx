"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonVariant } from "./button";

/**
 * Copies `value` to the clipboard and says so in a live region. Shown only where the
 * browser offers a clipboard; without one (or without JavaScript) the field it copies
 * stays selectable.
 */
export function CopyButton({
  value,
  label,
  copiedLabel,
  failedLabel,
  variant = "secondary",
}: {
  value: string;
  label: string;
  copiedLabel: string;
  failedLabel: string;
  variant?: ButtonVariant;
}) {
  const [canCopy, setCanCopy] = useState(false);
  const [status, setStatus] = useState("");
  useEffect(() => setCanCopy(typeof navigator.clipboard?.writeText === "function"), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(copiedLabel);
    } catch {
      setStatus(failedLabel);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {canCopy && (
        <Button variant={variant} onClick={copy}>
          {label}
        </Button>
      )}
      <p role="status" className="text-sm font-semibold text-success-900">
        {status}
      </p>
    </div>
  );
}
