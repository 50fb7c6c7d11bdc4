import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The app's own texts, so tests find elements by what a person reads in each language.

type Tree = { [key: string]: string | Tree };

const ROOT = path.resolve(import.meta.dirname, "../../..");

function readMessages(locale: string): Tree {
  const dir = path.join(ROOT, "messages", locale);
  return Object.assign(
    {},
    ...readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8"))),
  );
}

/** A translator over `locale`'s messages for simple {argument} texts (no plurals). */
export function messagesFor(locale: string) {
  const messages = readMessages(locale);
  return (key: string, values: Record<string, string> = {}): string => {
    const text = key.split(".").reduce<string | Tree | undefined>((node, part) => {
      return typeof node === "object" ? node[part] : undefined;
    }, messages);
    if (typeof text !== "string") throw new Error(`no message ${key} in ${locale}`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  };
}

/** Every full message key ("landing.ctaPledge"): what a page shows when a message is missing. */
export function allMessageKeys(): string[] {
  const walk = (tree: Tree, prefix: string): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [`${prefix}${key}`] : walk(value, `${prefix}${key}.`),
    );
  return walk(readMessages("en"), "");
}

/** The campaign's name in `locale`, from the bundled campaign file. */
export function campaignName(locale: string): string {
  const campaign = JSON.parse(readFileSync(path.join(ROOT, "campaigns/meta-ai-2025.json"), "utf8")) as {
    name: Record<string, string>;
  };
  return campaign.name[locale] ?? campaign.name.en!;
}
