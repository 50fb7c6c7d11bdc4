import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";

// Compares one locale's message files with the English ones: every key present, no
// extra key, valid ICU, the same arguments and rich-text tags, plural forms that the
// language needs. Used by tests/unit/i18n-messages.test.ts and by translators
// (`npx tsx scripts/ops/i18n-check.ts fr`).

export type MessageProblem = { file: string; key: string; problem: string };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function readTree(dir: string, file: string): Tree | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Tree;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`${dir}/${file} is not valid JSON`, { cause: error });
  }
}

type Shape = { args: Set<string>; tags: Set<string>; plurals: Set<string>[] };

function shapeOf(
  elements: MessageFormatElement[],
  shape: Shape = { args: new Set(), tags: new Set(), plurals: [] },
) {
  for (const el of elements) {
    if (
      el.type === TYPE.argument ||
      el.type === TYPE.number ||
      el.type === TYPE.date ||
      el.type === TYPE.time
    )
      shape.args.add(el.value);
    if (el.type === TYPE.tag) {
      shape.tags.add(el.value);
      shapeOf(el.children, shape);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      shape.args.add(el.value);
      if (el.type === TYPE.plural) shape.plurals.push(new Set(Object.keys(el.options)));
      for (const option of Object.values(el.options)) shapeOf(option.value, shape);
    }
  }
  return shape;
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** Problems of `locale` against English; an empty list means complete and consistent. */
export function checkMessages(root: string, locale: string): MessageProblem[] {
  const problems: MessageProblem[] = [];
  const enDir = path.join(root, "en");
  const dir = path.join(root, locale);
  // The plural forms counts up to 1,000 need in this language (Polish: one, few, many).
  const rules = new Intl.PluralRules(locale);
  const needed = [...new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n))), "other"];
  for (const file of readdirSync(enDir).filter((f) => f.endsWith(".json"))) {
    const en = flatten(readTree(enDir, file)!);
    const tree = readTree(dir, file);
    if (!tree) {
      problems.push({ file, key: "*", problem: "file missing" });
      continue;
    }
    const own = flatten(tree);
    for (const key of own.keys()) if (!en.has(key)) problems.push({ file, key, problem: "not in English" });
    for (const [key, english] of en) {
      const text = own.get(key);
      if (text === undefined) {
        problems.push({ file, key, problem: "missing" });
        continue;
      }
      let shape: Shape;
      try {
        shape = shapeOf(parse(text, { ignoreTag: false }));
      } catch (error) {
        problems.push({ file, key, problem: `invalid ICU: ${(error as Error).message}` });
        continue;
      }
      const enShape = shapeOf(parse(english, { ignoreTag: false }));
      if (!same(shape.args, enShape.args))
        problems.push({
          file,
          key,
          problem: `arguments {${[...shape.args]}} differ from English {${[...enShape.args]}}`,
        });
      if (!same(shape.tags, enShape.tags))
        problems.push({
          file,
          key,
          problem: `tags <${[...shape.tags]}> differ from English <${[...enShape.tags]}>`,
        });
      for (const options of shape.plurals) {
        const lacking = needed.filter((category) => !options.has(category));
        if (lacking.length) problems.push({ file, key, problem: `plural lacks ${lacking.join(", ")}` });
      }
    }
  }
  return problems;
}
