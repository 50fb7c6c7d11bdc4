import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// app/globals.css promises that every text/background pair of its tokens meets WCAG AA
// (4.5:1) in the light scheme and in the dark one (which overrides some tokens): this
// reads the file as the browser would and checks the pairs components use.

const css = readFileSync("app/globals.css", "utf8");

function tokens(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/--color-([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]),
  );
}

const light = tokens(css.slice(css.indexOf("@theme"), css.indexOf("@media (prefers-color-scheme: dark)")));
const dark = new Map([
  ...light,
  ...tokens(css.slice(css.indexOf("@media (prefers-color-scheme: dark)"), css.indexOf("html {"))),
]);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

/** [text, backgrounds it is used on]. */
const TEXT_PAIRS: [string, string[]][] = [
  [
    "ink",
    ["surface", "surface-muted", "surface-sunken", "accent-soft", "success-50", "warning-50", "danger-50"],
  ],
  ["ink-muted", ["surface", "surface-muted", "surface-sunken"]],
  ["ink-subtle", ["surface", "surface-muted", "surface-sunken"]],
  ["accent", ["surface", "surface-muted", "accent-soft"]],
  ["accent-strong", ["surface", "accent-soft"]],
  ["on-accent", ["accent-fill", "accent-fill-hover"]],
  ["on-fill", ["danger-fill", "danger-fill-hover", "success-fill", "success-fill-hover"]],
  ["success", ["surface", "success-50"]],
  ["warning", ["surface"]],
  ["warning-900", ["warning-50"]],
  ["success-900", ["success-50"]],
  ["danger", ["surface", "danger-50"]],
];

describe.each([
  ["light", light],
  ["dark", dark],
])("design tokens, %s scheme", (_scheme, colours) => {
  it.each(TEXT_PAIRS)("%s text meets 4.5:1 on each background it is used on", (text, backgrounds) => {
    for (const background of backgrounds) {
      const [fg, bg] = [colours.get(text), colours.get(background)];
      expect(fg, `--color-${text}`).toBeDefined();
      expect(bg, `--color-${background}`).toBeDefined();
      expect(contrast(fg!, bg!), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("filled buttons stand out of the page: 3:1 against the surface (WCAG 1.4.11)", () => {
    for (const fill of [
      "accent-fill",
      "accent-fill-hover",
      "danger-fill",
      "danger-fill-hover",
      "success-fill",
      "success-fill-hover",
    ]) {
      expect(contrast(colours.get(fill)!, colours.get("surface")!), fill).toBeGreaterThanOrEqual(3);
    }
  });
});

it("the contrast formula matches WCAG's reference values", () => {
  expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
  expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
});
