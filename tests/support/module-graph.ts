import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Our modules and what they import, read from the source as the bundler would follow it:
// type-only imports are erased, and a "use server" module reaches the browser as a
// reference to its actions, not as code. For tests that check what the browser loads.

export const ROOT = process.cwd();

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

export function directiveOf(source: string): "use client" | "use server" | undefined {
  return /^\s*["'](use client|use server)["']/.exec(source)?.[1] as "use client" | "use server" | undefined;
}

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

export type Reached = {
  /** Our files the entry brings along, each with the chain of imports that leads to it. */
  files: Map<string, string[]>;
  /** Packages imported by them, each with the chain of files that leads to it. */
  packages: Map<string, string[]>;
};

/** Everything `entry` imports, transitively, up to "use server" modules. */
export function reachableFrom(entry: string): Reached {
  const files = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const walk = (file: string, chain: string[]) => {
    if (files.has(file)) return;
    const source = readFileSync(file, "utf8");
    if (file !== entry && directiveOf(source) === "use server") return;
    files.set(file, chain);
    for (const [, specifier] of source.matchAll(IMPORT)) {
      if (!specifier) continue;
      const isLocal = specifier.startsWith(".") || specifier.startsWith("@/");
      const local = isLocal ? resolveLocal(file, specifier) : null;
      if (local) walk(local, [...chain, path.relative(ROOT, local)]);
      else if (!isLocal && !packages.has(specifier)) packages.set(specifier, chain);
    }
  };
  walk(entry, [path.relative(ROOT, entry)]);
  return { files, packages };
}
