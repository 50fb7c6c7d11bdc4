import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import type enPrivacy from "@/messages/en/privacy.json";
import { DATA_MODEL } from "./data-model";

type PrivacyMessages = typeof enPrivacy;

/**
 * The export's "documentation" key: what the file is, and for each table key what it
 * holds, in the words of the privacy policy (outside React, so usable from routes,
 * scripts and tests alike).
 */
export function exportDocumentation(locale: string): Record<string, string> {
  const t = createTranslator({
    locale,
    messages: loadMessages(locale) as PrivacyMessages,
    namespace: "privacy",
  });
  const documentation: Record<string, string> = { format: t("export.format") };
  for (const table of DATA_MODEL) documentation[table.table] = t(`tables.${table.key}.what`);
  return documentation;
}
