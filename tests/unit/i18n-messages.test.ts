import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkMessages } from "@/lib/i18n/check-messages";
import { isLocale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { findMessageUsage, findUiLiterals, isKeyUsed, parseSource, readSources } from "../support/i18n-scan";

// The messages stay complete and in use, and no user-facing text is written in a
// component: each language's files match English, every English key is read by the
// code, and components take their texts from the messages.

const ROOT = path.resolve(import.meta.dirname, "../..");
const MESSAGES = path.join(ROOT, "messages");

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
const english: Tree = Object.assign(
  {},
  ...readdirSync(path.join(MESSAGES, "en"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(path.join(MESSAGES, "en", file), "utf8"))),
);
const englishKeys = leaves(english);
const hasEnglish = (key: string) => englishKeys.some((k) => k === key || k.startsWith(`${key}.`));

describe("messages of every language", () => {
  it.each(LOCALES.map((locale) => [locale]))("%s matches English", (locale) => {
    const problems = checkMessages(MESSAGES, locale).map((p) => `${p.file} ${p.key}: ${p.problem}`);
    expect(problems, `npx tsx scripts/ops/i18n-check.ts ${locale}`).toEqual([]);
  });

  it("lists what a language being added still lacks (English fills the gaps)", () => {
    const pending = readdirSync(MESSAGES).filter(
      (name) => statSync(path.join(MESSAGES, name)).isDirectory() && !isLocale(name),
    );
    for (const locale of pending) {
      const problems = checkMessages(MESSAGES, locale);
      console.log(
        `messages/${locale} (not in LOCALES yet): ${problems.length} problem(s)\n${problems
          .map((p) => `  ${p.file} ${p.key}: ${p.problem}`)
          .join("\n")}`,
      );
    }
  });
});

describe("message keys and the code", () => {
  const usage = findMessageUsage(readSources(ROOT, ["app", "components", "lib", "emails"]));

  it("can tell the namespace of every translation call", () => {
    expect(usage.unresolved).toEqual([]);
  });

  it("uses every English key (unused ones go from all languages)", () => {
    expect(englishKeys.length).toBeGreaterThan(100);
    expect(englishKeys.filter((key) => !isKeyUsed(usage, key))).toEqual([]);
  });

  it("reads only keys that exist", () => {
    expect([...usage.exact].filter((key) => !hasEnglish(key))).toEqual([]);
  });

  it("follows translators through bindings, factories, props, arguments and dynamic keys", () => {
    const lib = parseSource(
      "lib/sample.ts",
      `export function mailT(locale: string) { return createTranslator({ locale, messages, namespace: "mail" }); }
       export const CODES = ["code_known"];
       export function useErrors(action: unknown, t: ErrorTranslator) { return t.has(code) ? t(code) : t("unexpected"); }`,
    );
    const page = parseSource(
      "app/sample.tsx",
      `type T = Awaited<ReturnType<typeof getTranslations<"side">>>;
       export default async function Page() {
         const t = await getTranslations("page");
         const [tA, tB] = await Promise.all([getTranslations({ locale, namespace: "a" }), getTranslations("b.c")]);
         return <>{t("title")}{t.rich("body", {})}{tA(x ? "one" : "two")}{tB(\`errors.\${code}\`)}<Side t={t} /><Box tr={tA} /></>;
       }
       function Side({ t }: { t: T }) { return t("heading"); }
       function Box({ tr }: { tr: Translator }) { return tr("label"); }
       function Codes({ code }: { code: string }) { const t = useTranslations("forms.errors"); return t(code); }
       function Form() { const tErrors = useTranslations("area.errors"); return useErrors(save, tErrors); }
       const subject = mailT("fr")("subject");
       const other = tUnknown("x");`,
    );
    const sample = findMessageUsage([lib, page]);
    const used = (key: string) => isKeyUsed(sample, key);
    for (const key of ["page.title", "page.body", "a.one", "a.two", "b.c.errors.any.depth", "side.heading"])
      expect(used(key), key).toBe(true);
    for (const key of ["mail.subject", "a.label", "area.errors.unexpected", "area.errors.code_known"])
      expect(used(key), key).toBe(true);
    expect(used("forms.errors.code_known")).toBe(true);
    expect(used("forms.errors.code_unknown")).toBe(false);
    expect(used("page.other")).toBe(false);
    expect(used("page.label")).toBe(false);
    expect(used("b.c.title")).toBe(false);
    expect(sample.unresolved).toEqual([expect.stringMatching(/^app\/sample\.tsx:\d+ tUnknown\("x"\)$/)]);
  });
});

describe("texts in components and emails", () => {
  // Texts that stay as written whatever the page's language. Strings without a letter
  // (punctuation, emoji, numbers) are never reported, and attributes such as className
  // or href are not read at all.
  const ALLOWED = new Set<string>([
    // Each language's own name, as the language switcher shows it (lib/i18n/locales.ts).
    ...Object.values(LOCALE_NAMES),
  ]);
  const isScanned = (file: string) =>
    file.endsWith(".tsx") && !file.startsWith(`app${path.sep}dev${path.sep}`); // app/dev: development tools, never served in production

  it("come from the messages", () => {
    const literals = findUiLiterals(readSources(ROOT, ["app", "components", "emails"], isScanned));
    expect(literals.filter((literal) => !ALLOWED.has(literal.text))).toEqual([]);
  });

  it("are found by the scan in text, {strings} and the attributes people read", () => {
    const sample = `export const A = () => (
      <form aria-label="Pledge form" className="mt-2" data-x="ignored">
        <h1>Welcome back</h1>
        <p>{"Sign in"} · {t("ok")} 🌐</p>
        <img alt="Campaign logo" src="/logo.png" />
        <input placeholder={\`name@example.org\`} title="Your email" />
      </form>
    );`;
    expect(findUiLiterals([parseSource("sample.tsx", sample)]).map((l) => `${l.kind}: ${l.text}`)).toEqual([
      "aria-label: Pledge form",
      "text: Welcome back",
      "text: Sign in",
      "alt: Campaign logo",
      "placeholder: name@example.org",
      "title: Your email",
    ]);
  });
});
