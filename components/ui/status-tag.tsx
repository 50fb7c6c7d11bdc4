import type { ReactNode } from "react";

export type Tone = "neutral" | "progress" | "done" | "muted" | "warning";

const tones: Record<Tone, string> = {
  neutral: "border-line-strong bg-surface text-ink",
  progress: "border-accent bg-accent-soft text-accent-strong",
  done: "border-success bg-success-50 text-success-900",
  muted: "border-line bg-surface-sunken text-ink-muted",
  warning: "border-warning bg-warning-50 text-warning-900",
};

/** A short status label (a badge), readable without its colour: the words carry the meaning. */
export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-semibold ${tones[tone]}`}
    >
      {tone === "done" && (
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
        >
          <path d="M4 10.5l4 4 8-9" />
        </svg>
      )}
      {children}
    </span>
  );
}
