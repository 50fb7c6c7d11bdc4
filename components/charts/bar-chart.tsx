import { rowLayout } from "./geometry";

export type BarDatum = { key: string; label: string; value: number };

type Props = {
  id: string;
  title: string;
  description: string;
  data: readonly BarDatum[];
  formatValue: (value: number) => string;
  width?: number;
  rowHeight?: number;
};

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 70;

/**
 * Horizontal bars drawn on the server as SVG, one labelled row per datum. The SVG is one
 * labelled image (title and description); pair it with a data table for the values.
 */
export function BarChart({ id, title, description, data, formatValue, width = 640, rowHeight = 26 }: Props) {
  const layout = rowLayout(
    data.map((d) => d.value),
    { width, labelWidth: LABEL_WIDTH, valueWidth: VALUE_WIDTH, rowHeight },
  );
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${Math.max(layout.height, rowHeight)}`}
      className="h-auto w-full"
      fontSize={13}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {layout.rows.map((row, index) => {
        const datum = data[index]!;
        return (
          <g key={datum.key}>
            <text
              x={LABEL_WIDTH - 8}
              y={row.labelY}
              textAnchor="end"
              dominantBaseline="middle"
              fill="#334155"
            >
              {datum.label}
            </text>
            <rect x={row.x} y={row.y} width={row.width} height={row.height} fill="#1e40af" />
            <text x={row.x + row.width + 6} y={row.labelY} dominantBaseline="middle" fill="#0f172a">
              {formatValue(datum.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
