// Chart geometry as pure functions: the SVG components only draw what these return,
// and unit tests check the numbers.

export type Box = { x: number; y: number; width: number; height: number };
export type Margins = { top: number; right: number; bottom: number; left: number };

/** The smallest 1, 2 or 5 x 10^k that is >= `value` (at least 1: counts are whole). */
export function niceStep(value: number): number {
  if (!(value > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * magnitude >= value) return factor * magnitude;
  }
  return 10 * magnitude;
}

/** Axis ticks from 0 to a round top >= `max`, about `count` steps. */
export function axisTicks(max: number, count = 4): number[] {
  const step = niceStep(Math.max(max, 1) / count);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  return ticks;
}

export type ColumnLayout = {
  plot: Box;
  top: number;
  bars: Box[];
  ticks: { value: number; y: number }[];
  /** Indexes of the bars that get an x-axis label (evenly spaced, first and last included). */
  labelled: number[];
};

/** Vertical bars for `values` (e.g. one per day) in a `width` x `height` drawing. */
export function columnLayout(
  values: readonly number[],
  options: { width: number; height: number; margins: Margins; maxLabels?: number; gapRatio?: number },
): ColumnLayout {
  const { width, height, margins } = options;
  const plot: Box = {
    x: margins.left,
    y: margins.top,
    width: Math.max(0, width - margins.left - margins.right),
    height: Math.max(0, height - margins.top - margins.bottom),
  };
  const ticksValues = axisTicks(Math.max(0, ...values));
  const top = ticksValues.at(-1) ?? 1;
  const scale = (value: number) => (Math.max(0, value) / top) * plot.height;
  const slot = values.length > 0 ? plot.width / values.length : 0;
  const gap = slot * (options.gapRatio ?? 0.2);
  const bars = values.map((value, index) => {
    const barHeight = scale(value);
    return {
      x: plot.x + index * slot + gap / 2,
      y: plot.y + plot.height - barHeight,
      width: Math.max(0, slot - gap),
      height: barHeight,
    };
  });
  return {
    plot,
    top,
    bars,
    ticks: ticksValues.map((value) => ({ value, y: plot.y + plot.height - scale(value) })),
    labelled: evenlySpaced(values.length, options.maxLabels ?? 6),
  };
}

/** Up to `max` indexes out of `length`, evenly spaced, always with the first and last. */
export function evenlySpaced(length: number, max: number): number[] {
  if (length <= 0 || max <= 0) return [];
  if (length <= max) return Array.from({ length }, (_, i) => i);
  if (max === 1) return [0];
  const out = new Set<number>();
  for (let i = 0; i < max; i++) out.add(Math.round((i * (length - 1)) / (max - 1)));
  return [...out];
}

export type RowLayout = { rows: (Box & { labelY: number })[]; top: number; height: number };

/** Horizontal bars, one row per value, bars starting at `labelWidth`. */
export function rowLayout(
  values: readonly number[],
  options: { width: number; labelWidth: number; valueWidth: number; rowHeight: number; gapRatio?: number },
): RowLayout {
  const top = Math.max(1, ...values);
  const span = Math.max(0, options.width - options.labelWidth - options.valueWidth);
  const gap = options.rowHeight * (options.gapRatio ?? 0.25);
  const rows = values.map((value, index) => ({
    x: options.labelWidth,
    y: index * options.rowHeight + gap / 2,
    width: (Math.max(0, value) / top) * span,
    height: options.rowHeight - gap,
    labelY: index * options.rowHeight + options.rowHeight / 2,
  }));
  return { rows, top, height: values.length * options.rowHeight };
}
