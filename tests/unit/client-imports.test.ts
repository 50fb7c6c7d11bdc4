import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What the browser downloads is what client components import, transitively. Zod is
// the server's (28 KB of gzip in the browser, and its eval probe breaks our CSP): the
// forms check input with zod-free rules (lib/pledges/form-check.ts, */limits.ts). This
// follows the imports of every "use client" file through our own modules, as the
// bundler does, and stops at "use server" modules (the browser gets a reference to
// the action, not its code) and at type-only imports (erased).

const ROOT = process.cwd();
const FORBIDDEN = [/^zod(\/|$)/, /^server-only$/, /^@prisma\//, /^pg$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const directive = (source: string) => /^\s*["'](use client|use server)["']/.exec(source)?.[1];

// `import x from`, `import { a, type B } from`, `export { a } from`, `import "x"`; not `import type`.
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s*)?["']([^"']+)["']/gm;

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** The packages a client file brings into the browser, each with the chain of files that imports it. */
function packagesOf(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    if (file !== entry && directive(source) === "use server") return;
    for (const [, specifier] of source.matchAll(IMPORT)) {
      if (!specifier) continue;
      const isLocal = specifier.startsWith(".") || specifier.startsWith("@/");
      const local = isLocal ? resolveLocal(file, specifier) : null;
      if (local) walk(local, [...chain, path.relative(ROOT, local)]);
      else if (!isLocal && !packages.has(specifier)) packages.set(specifier, chain);
    }
  };
  walk(entry, [path.relative(ROOT, entry)]);
  return packages;
}

describe("client components", () => {
  const clientFiles = ["app", "components", "lib"]
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .filter((file) => directive(readFileSync(file, "utf8")) === "use client");

  it("are found", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
  });

  it.each(clientFiles.map((file) => [path.relative(ROOT, file), file]))(
    "%s brings no zod, server-only or database module into the browser",
    (_, file) => {
      const offending = [...packagesOf(file!)]
        .filter(([name]) => FORBIDDEN.some((pattern) => pattern.test(name)))
        .map(([name, chain]) => `${name} via ${chain.join(" -> ")}`);
      expect(offending).toEqual([]);
    },
  );
});
