import { describe, expect, it } from "vitest";
import {
  axisTicks,
  columnLayout,
  evenlySpaced,
  niceStep,
  rowLayout,
} from "@/app/[locale]/(marketing)/stats/_components/charts/geometry";

describe("chart geometry", () => {
  it("rounds steps up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 0.3, 1, 1.5, 3, 7, 12, 45, 230, 999].map(niceStep)).toEqual([
      1, 1, 1, 2, 5, 10, 20, 50, 500, 1000,
    ]);
  });

  it("makes round axis ticks from zero that cover the maximum", () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(100)).toEqual([0, 50, 100]);
    expect(axisTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  it("lays out columns inside the plot, heights proportional to values", () => {
    const margins = { top: 10, right: 10, bottom: 30, left: 40 };
    const layout = columnLayout([0, 5, 10], { width: 340, height: 240, margins, gapRatio: 0 });
    expect(layout.plot).toEqual({ x: 40, y: 10, width: 290, height: 200 });
    expect(layout.top).toBe(10);
    expect(layout.bars.map((b) => b.height)).toEqual([0, 100, 200]);
    for (const bar of layout.bars) {
      expect(bar.y + bar.height).toBeCloseTo(210);
      expect(bar.x).toBeGreaterThanOrEqual(40);
      expect(bar.x + bar.width).toBeLessThanOrEqual(330 + 1e-9);
    }
    expect(layout.bars[1]!.x - layout.bars[0]!.x).toBeCloseTo(290 / 3);
    expect(layout.ticks.at(-1)).toEqual({ value: 10, y: 10 });
    expect(layout.ticks[0]).toEqual({ value: 0, y: 210 });
  });

  it("copes with no data", () => {
    const layout = columnLayout([], {
      width: 100,
      height: 100,
      margins: { top: 0, right: 0, bottom: 0, left: 0 },
    });
    expect(layout.bars).toEqual([]);
    expect(layout.labelled).toEqual([]);
  });

  it("labels a few evenly spaced columns, always the first and last", () => {
    expect(evenlySpaced(3, 6)).toEqual([0, 1, 2]);
    expect(evenlySpaced(61, 6)).toEqual([0, 12, 24, 36, 48, 60]);
    expect(evenlySpaced(10, 1)).toEqual([0]);
  });

  it("lays out rows with bar lengths proportional to the largest value", () => {
    const layout = rowLayout([200, 50, 0], {
      width: 420,
      labelWidth: 100,
      valueWidth: 120,
      rowHeight: 20,
      gapRatio: 0.5,
    });
    expect(layout.height).toBe(60);
    expect(layout.rows.map((r) => r.width)).toEqual([200, 50, 0]);
    expect(layout.rows.map((r) => r.y)).toEqual([5, 25, 45]);
    expect(layout.rows.map((r) => r.labelY)).toEqual([10, 30, 50]);
    expect(layout.rows.every((r) => r.height === 10 && r.x === 100)).toBe(true);
  });
});
