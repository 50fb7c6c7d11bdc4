import type { ReactNode } from "react";

export type ChartDatum = { key: string; label: string; value: number };

/** What each chart takes besides its own sizes. */
export type ChartProps = {
  id: string;
  title: string;
  description: string;
  data: readonly ChartDatum[];
  formatValue: (value: number) => string;
  width?: number;
};

/**
 * A chart's SVG, drawn on the server: no client JavaScript. It is one labelled image
 * (title and description); pair it with a data table for the values.
 */
export function ChartFrame({
  id,
  title,
  description,
  width,
  height,
  fontSize,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  fontSize: number;
  children: ReactNode;
}) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full"
      fontSize={fontSize}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {children}
    </svg>
  );
}
