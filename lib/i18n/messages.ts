import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_LOCALE, type Locale } from "./locales";

// Messages live in messages/<locale>/<namespace>.json (one file per area of the app,
// so features do not all edit one file). Missing keys fall back to the default locale.

export type Messages = Record<string, unknown>;

const cache = new Map<string, Messages>();

function readLocale(locale: string): Messages {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    Object.assign(messages, JSON.parse(readFileSync(path.join(dir, file), "utf8")));
  }
  return messages;
}

function merge(base: Messages, override: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] =
      value && typeof value === "object" && current && typeof current === "object"
        ? merge(current as Messages, value as Messages)
        : value;
  }
  return out;
}

/** All messages for `locale`, with the default locale filling any gap. */
export function loadMessages(locale: Locale | string): Messages {
  let messages = cache.get(locale);
  if (!messages) {
    const own = readLocale(locale);
    messages = locale === DEFAULT_LOCALE ? own : merge(readLocale(DEFAULT_LOCALE), own);
    cache.set(locale, messages);
  }
  return messages;
}
