/** A labelled progress bar with its figure in words (the bar alone says nothing to a screen reader). */
export function Progress({
  id,
  label,
  value,
  max,
  summary,
}: {
  id: string;
  label: string;
  value: number;
  max: number;
  summary: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <progress
        id={id}
        max={max}
        value={value}
        aria-describedby={`${id}-summary`}
        className="h-3 w-full overflow-hidden rounded-full bg-surface-sunken accent-accent-fill [&::-moz-progress-bar]:bg-accent-fill [&::-webkit-progress-bar]:bg-surface-sunken [&::-webkit-progress-value]:bg-accent-fill"
      />
      <p id={`${id}-summary`} className="text-sm text-ink-muted">
        {summary}
      </p>
    </div>
  );
}
