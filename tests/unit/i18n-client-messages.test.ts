import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";
import { loadMessages } from "@/lib/i18n/messages";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("messages sent to the browser", () => {
  const clientFiles = ["app", "components", "lib"]
    .flatMap(sourceFiles)
    .filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));

  it("cover every namespace a client component reads", () => {
    const used = new Set<string>();
    for (const file of clientFiles) {
      const source = readFileSync(file, "utf8");
      expect(source, `${file} calls useTranslations without a literal namespace`).not.toMatch(
        /useTranslations\((?!["'])/,
      );
      for (const match of source.matchAll(/useTranslations\(["']([^"']+)["']\)/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    for (const namespace of used) {
      const covered = CLIENT_NAMESPACES.some((ns) => namespace === ns || namespace.startsWith(`${ns}.`));
      expect(covered, `client namespace "${namespace}" is missing from CLIENT_NAMESPACES`).toBe(true);
    }
  });

  it("keep the picked messages intact and leave the rest on the server", () => {
    const all = loadMessages("en");
    const picked = clientMessages(all) as Record<string, Record<string, unknown>>;
    expect(picked.deadline).toEqual(all.deadline);
    expect(picked.tracker?.status).toEqual((all.tracker as Record<string, unknown>).status);
    expect(picked.privacy).toBeUndefined();
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(all).length);
  });
});
