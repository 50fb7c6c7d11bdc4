import { ChartFrame, type ChartProps } from "./chart-frame";
import { columnLayout } from "./geometry";

type Props = ChartProps & { height?: number };

const MARGINS = { top: 12, right: 12, bottom: 28, left: 48 };

/** Vertical bars with a value axis; only some bars are labelled, so labels do not overlap. */
export function ColumnChart({ data, formatValue, width = 640, height = 240, ...frame }: Props) {
  const layout = columnLayout(
    data.map((d) => d.value),
    { width, height, margins: MARGINS },
  );
  return (
    <ChartFrame {...frame} width={width} height={height} fontSize={12}>
      {layout.ticks.map((tick) => (
        <g key={tick.value}>
          <line
            x1={layout.plot.x}
            x2={layout.plot.x + layout.plot.width}
            y1={tick.y}
            y2={tick.y}
            className="stroke-line"
            strokeWidth={1}
          />
          <text
            x={layout.plot.x - 6}
            y={tick.y}
            textAnchor="end"
            dominantBaseline="middle"
            className="fill-ink-muted"
          >
            {formatValue(tick.value)}
          </text>
        </g>
      ))}
      {layout.bars.map((bar, index) => {
        const datum = data[index]!;
        return (
          <rect
            key={datum.key}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            className="fill-accent"
          >
            <title>{`${datum.label}: ${formatValue(datum.value)}`}</title>
          </rect>
        );
      })}
      {layout.labelled.map((index) => {
        const bar = layout.bars[index]!;
        const anchor = index === 0 ? "start" : index === data.length - 1 ? "end" : "middle";
        const x = anchor === "start" ? bar.x : anchor === "end" ? bar.x + bar.width : bar.x + bar.width / 2;
        return (
          <text key={data[index]!.key} x={x} y={height - 8} textAnchor={anchor} className="fill-ink-muted">
            {data[index]!.label}
          </text>
        );
      })}
      <line
        x1={layout.plot.x}
        x2={layout.plot.x + layout.plot.width}
        y1={layout.plot.y + layout.plot.height}
        y2={layout.plot.y + layout.plot.height}
        className="stroke-line-strong"
        strokeWidth={1}
      />
    </ChartFrame>
  );
}
