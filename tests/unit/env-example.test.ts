import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serverEnvSchema } from "@/lib/env";

// Launcher-only variables are read by scripts/launch.ts, not by the app.
const LAUNCHER = ["PORT", "EMBEDDED_DB_DIR", "EMBEDDED_DB_PORT"];

describe(".env.example and README", () => {
  const example = readFileSync(".env.example", "utf8");
  const readme = readFileSync("README.md", "utf8");
  const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
  const schemaKeys = Object.keys(serverEnvSchema.shape).filter((k) => k !== "NODE_ENV");

  it("lists every variable the app reads", () => {
    expect(listed.sort()).toEqual([...schemaKeys, ...LAUNCHER].sort());
  });

  it("documents every variable in the README's table", () => {
    for (const name of [...schemaKeys, ...LAUNCHER]) expect(readme).toContain(`| \`${name}\` |`);
  });
});
