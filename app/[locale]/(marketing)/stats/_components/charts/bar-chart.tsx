import { ChartFrame, type ChartProps } from "./chart-frame";
import { rowLayout } from "./geometry";

type Props = ChartProps & { rowHeight?: number };

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 70;

/** Horizontal bars, one labelled row per datum. */
export function BarChart({ data, formatValue, width = 640, rowHeight = 26, ...frame }: Props) {
  const layout = rowLayout(
    data.map((d) => d.value),
    { width, labelWidth: LABEL_WIDTH, valueWidth: VALUE_WIDTH, rowHeight },
  );
  return (
    <ChartFrame {...frame} width={width} height={Math.max(layout.height, rowHeight)} fontSize={13}>
      {layout.rows.map((row, index) => {
        const datum = data[index]!;
        return (
          <g key={datum.key}>
            <text
              x={LABEL_WIDTH - 8}
              y={row.labelY}
              textAnchor="end"
              dominantBaseline="middle"
              className="fill-ink-muted"
            >
              {datum.label}
            </text>
            <rect x={row.x} y={row.y} width={row.width} height={row.height} className="fill-accent" />
            <text x={row.x + row.width + 6} y={row.labelY} dominantBaseline="middle" className="fill-ink">
              {formatValue(datum.value)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
