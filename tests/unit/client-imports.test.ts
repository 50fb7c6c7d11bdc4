import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { directiveOf, ROOT, reachableFrom, sourceFiles } from "../support/module-graph";

// What the browser downloads is what client components import, transitively, through
// our own modules as the bundler follows them (tests/support/module-graph.ts). Zod is
// the server's (28 KB of gzip in the browser, and its eval probe breaks our CSP): the
// forms check input with zod-free rules (lib/pledges/form-check.ts, */limits.ts).
// next-intl too (its client provider and ICU parser, 12 KB): client components
// translate with lib/i18n/client.tsx and link with lib/i18n/navigation.tsx.

const FORBIDDEN = [/^zod(\/|$)/, /^next-intl(\/|$)/, /^server-only$/, /^@prisma\//, /^pg$/];

describe("client components", () => {
  const clientFiles = ["app", "components", "lib"]
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .filter((file) => directiveOf(readFileSync(file, "utf8")) === "use client");

  it("are found", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
  });

  it.each(clientFiles.map((file) => [path.relative(ROOT, file), file]))(
    "%s brings no zod, next-intl, server-only or database module into the browser",
    (_, file) => {
      const offending = [...reachableFrom(file!).packages]
        .filter(([name]) => FORBIDDEN.some((pattern) => pattern.test(name)))
        .map(([name, chain]) => `${name} via ${chain.join(" -> ")}`);
      expect(offending).toEqual([]);
    },
  );
});
