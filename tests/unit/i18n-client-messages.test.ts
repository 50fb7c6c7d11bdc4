import { readFileSync } from "node:fs";
import path from "node:path";
import format from "icu-minify/format";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages, pickMessages } from "@/lib/i18n/client-messages";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { ROOT, reachableFrom, sourceFiles } from "../support/module-graph";

// Client components translate with the messages their layouts send
// (lib/i18n/client-messages.tsx): every route file under app/[locale] is followed
// through its imports to the client components it renders, and each namespace they
// read must be sent by a layout on its path.

const LOCALE_DIR = path.join(ROOT, "app/[locale]");
const ROUTE_FILE = /\/(page|layout|error|not-found|loading|template|default)\.tsx$/;

const relative = (file: string) => path.relative(ROOT, file);

/** What a client file reads: useTranslations("ns") with lib/i18n/client.tsx. */
function namespacesReadBy(file: string): string[] {
  const source = readFileSync(file, "utf8");
  if (!/from\s+["'](@\/lib\/i18n\/client|\.\/client)["']/.test(source)) return [];
  expect(source, `${relative(file)} calls useTranslations without a literal namespace`).not.toMatch(
    /useTranslations\((?!["'])/,
  );
  return [...source.matchAll(/useTranslations\(["']([^"']+)["']\)/g)].map((match) => match[1]!);
}

/** The namespaces sent by the layouts from app/[locale] down to `file`'s folder. */
function namespacesSentTo(file: string): string[] {
  const sent: string[] = [];
  let dir = LOCALE_DIR;
  const parts = path.relative(LOCALE_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i += 1) {
    if (i > 0) dir = path.join(dir, parts[i - 1]!);
    let source: string;
    try {
      source = readFileSync(path.join(dir, "layout.tsx"), "utf8");
    } catch {
      continue;
    }
    for (const [, key] of source.matchAll(/CLIENT_NAMESPACES\.(\w+)/g))
      sent.push(...(CLIENT_NAMESPACES[key as keyof typeof CLIENT_NAMESPACES] ?? []));
  }
  return sent;
}

const covers = (sent: readonly string[], namespace: string) =>
  sent.some((ns) => namespace === ns || namespace.startsWith(`${ns}.`));

describe("messages sent to the browser", () => {
  const routeFiles = sourceFiles(LOCALE_DIR).filter((file) => ROUTE_FILE.test(file));

  it("find the route files and their client components", () => {
    expect(routeFiles.length).toBeGreaterThan(20);
    const landing = reachableFrom(path.join(LOCALE_DIR, "(marketing)/page.tsx"));
    expect([...landing.files.keys()].map(relative)).toContain("components/countdown.tsx");
  });

  it.each(routeFiles.map((file) => [relative(file), file]))(
    "%s: every namespace its client components read is sent by its layouts",
    (_, file) => {
      const sent = namespacesSentTo(file!);
      const missing: string[] = [];
      for (const reached of reachableFrom(file!).files.keys()) {
        for (const namespace of namespacesReadBy(reached))
          if (!covers(sent, namespace)) missing.push(`${namespace} (${relative(reached)})`);
      }
      expect(missing).toEqual([]);
    },
  );

  it("send only the namespaces a layout names, and leave the rest on the server", () => {
    const all = loadMessages("en");
    const picked = pickMessages(all, CLIENT_NAMESPACES.pledge) as Record<string, Record<string, unknown>>;
    expect(picked.forms).toEqual(all.forms);
    expect(picked.pledge?.form).toEqual((all.pledge as Record<string, unknown>).form);
    expect(picked.pledge?.title).toBeUndefined();
    expect(picked.tracker).toBeUndefined();
    expect(Object.keys(pickMessages(all, CLIENT_NAMESPACES.marketing))).toEqual(["deadline"]);
  });

  it("are the default language's for a segment that is no locale (its page is a 404)", () => {
    const english = clientMessages("en", CLIENT_NAMESPACES.root);
    for (const segment of ["no-such-file.txt", "..", "../..", "xx"])
      expect(clientMessages(segment, CLIENT_NAMESPACES.root)).toEqual(english);
  });

  it("are plain data, as React passes to client components", () => {
    const isPlain = (value: unknown): boolean =>
      typeof value !== "object" ||
      value === null ||
      ((Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) &&
        Object.values(value).every(isPlain));
    for (const namespaces of Object.values(CLIENT_NAMESPACES))
      expect(isPlain(clientMessages("pl", namespaces))).toBe(true);
  });

  it("format in the browser as next-intl formats on the server, in every language", () => {
    const samples: [string, Record<string, string | number>][] = [
      ["deadline.days", { count: 0 }],
      ["deadline.days", { count: 1 }],
      ["deadline.days", { count: 3 }],
      ["deadline.days", { count: 22 }],
      ["deadline.hours", { count: 2 }],
      ["deadline.seconds", { count: 5 }],
      ["deadline.dueBefore", { date: "27 May 2025" }],
      ["forms.errors.rate_limited", { minutes: 1 }],
      ["forms.errors.rate_limited", { minutes: 15 }],
      ["nav.languageCurrent", { language: "Deutsch" }],
    ];
    const formatters = {
      getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) =>
        new Intl.NumberFormat(...args),
      getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) =>
        new Intl.PluralRules(...args),
      getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) =>
        new Intl.DateTimeFormat(...args),
    };
    const namespaces = [...new Set(Object.values(CLIENT_NAMESPACES).flat())];
    for (const locale of LOCALES) {
      // Untyped messages: any key, as the client's translator takes them.
      const server = createTranslator({ locale, messages: loadMessages(locale) }) as unknown as (
        key: string,
        values: Record<string, string | number>,
      ) => string;
      const compiled = clientMessages(locale, namespaces);
      for (const [key, values] of samples) {
        const message = key
          .split(".")
          .reduce<unknown>((m, k) => (m as Record<string, unknown>)?.[k], compiled);
        expect(message, `${locale} ${key}`).toBeDefined();
        const browser = format(message as Parameters<typeof format>[0], locale, values, { formatters });
        expect(browser, `${locale} ${key}`).toBe(server(key, values));
      }
    }
  });
});
