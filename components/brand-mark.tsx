// The campaign's mark: a shield (your data, protected) with a tick (objection filed).
// The same drawing as app/icon.svg, in the colour tokens so it follows the colour
// scheme. Decoration beside the site's name, so hidden from assistive technology.
export function BrandMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      <path className="fill-accent-fill" d="M16 2.5 27 6.5V15c0 7-4.7 12.3-11 14.5C9.7 27.3 5 22 5 15V6.5z" />
      <path
        className="stroke-on-accent"
        d="m10.5 15.5 4 4 7-7.5"
        fill="none"
        strokeWidth="3.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
