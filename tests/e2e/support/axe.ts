import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const SCHEMES = ["light", "dark"] as const;

// What the colour scheme can change: colours only (app/globals.css swaps the tokens
// under prefers-color-scheme, nothing else). So the dark pass runs the rules about
// colour, and the light pass every rule asked for: the verdicts of two full runs, at
// less cost (axe twice per check doubled the longest journeys on a loaded machine).
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Runs axe on the page as it stands in the light and in the dark colour scheme and
 * expects no violation in either. The page is left in the scheme it had.
 */
export async function expectNoAxeViolations(
  page: Page,
  { include, tags, name }: { include?: string; tags?: string[]; name?: string } = {},
) {
  const before = await page.evaluate(() =>
    matchMedia("(prefers-color-scheme: dark)").matches ? ("dark" as const) : ("light" as const),
  );
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Buttons ease between colours (transition-colors): judge the colours they settle on.
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    let axe = new AxeBuilder({ page });
    if (include) axe = axe.include(include);
    if (colorScheme === "dark") axe = axe.withRules(COLOUR_RULES);
    else if (tags) axe = axe.withTags(tags);
    const { violations } = await axe.analyze();
    expect(violations, `${name ?? new URL(page.url()).pathname}, ${colorScheme} scheme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: before });
}
