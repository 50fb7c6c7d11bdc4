// npm run prisma -- <args>: the Prisma CLI, working with or without internet.
// Prisma 6.19 downloads native engines at start unless these variables point at
// existing files; this project needs neither engine (queries go through the pg
// driver adapter, migrations through the WebAssembly schema engine).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export function prismaEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const enginesDir = path.resolve("node_modules/@prisma/engines");
  const present = existsSync(enginesDir) ? readdirSync(enginesDir) : [];
  const placeholderDir = path.resolve("node_modules/.cache/prisma-offline");
  const placeholder = (name: string) => {
    mkdirSync(placeholderDir, { recursive: true });
    const file = path.join(placeholderDir, name);
    if (!existsSync(file)) writeFileSync(file, "");
    return file;
  };
  const next = { ...env };
  if (!next.PRISMA_QUERY_ENGINE_LIBRARY && !present.some((f) => f.includes("query_engine"))) {
    next.PRISMA_QUERY_ENGINE_LIBRARY = placeholder("libquery_engine.so.node");
  }
  if (!next.PRISMA_SCHEMA_ENGINE_BINARY && !present.some((f) => f.startsWith("schema-engine"))) {
    next.PRISMA_SCHEMA_ENGINE_BINARY = placeholder("schema-engine");
  }
  next.PRISMA_HIDE_UPDATE_MESSAGE = "1";
  next.CHECKPOINT_DISABLE = "1";
  return next;
}

/** Runs the Prisma CLI with `args`; resolves with its exit code. */
export function runPrisma(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), ...args], {
      stdio: "inherit",
      env: prismaEnv(env),
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runPrisma(process.argv.slice(2)).then((code) => process.exit(code));
}
