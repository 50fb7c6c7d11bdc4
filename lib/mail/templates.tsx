import { z } from "zod";
import SignInEmail, { signInSubject } from "@/emails/sign-in";
import { type RenderedEmail, renderEmail } from "./render";

// Mail the outbox drain renders, so that a request only stores what the template needs
// (./outbox.ts, column template_data). A React Email render takes milliseconds: each
// variant (template, language, host) is rendered once per process with a placeholder
// for the link, and each email is that copy with its own link put in, which gives the
// same bytes as rendering it directly (tests/unit/mail-templates.test.ts). Nothing
// depends on the clock, so a retried batch sends exactly what its first try sent.

export const templateDataSchema = z.object({
  template: z.literal("sign-in"),
  url: z.url(),
  locale: z.string().min(2).max(10),
});
export type TemplateData = z.infer<typeof templateDataSchema>;

const LINK = "RMPHSIGNINLINKX";

const escapeHtml = (value: string) =>
  value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");

const globalForTemplates = globalThis as unknown as { mailTemplates?: Map<string, Promise<RenderedEmail>> };

function variant(host: string, locale: string): Promise<RenderedEmail> {
  globalForTemplates.mailTemplates ??= new Map();
  const key = `sign-in\n${locale}\n${host}`;
  let found = globalForTemplates.mailTemplates.get(key);
  if (!found) {
    found = renderEmail(<SignInEmail url={LINK} host={host} locale={locale} />);
    // A failed render is not kept: the next batch tries again.
    found.catch(() => globalForTemplates.mailTemplates?.delete(key));
    globalForTemplates.mailTemplates.set(key, found);
  }
  return found;
}

/** The subject of a templated email (stored with the row when it is queued). */
export function templateSubject(data: TemplateData): string {
  return signInSubject({ host: new URL(data.url).host, locale: data.locale });
}

/** HTML and text of a templated email. */
export async function renderTemplate(data: TemplateData): Promise<RenderedEmail> {
  const template = await variant(new URL(data.url).host, data.locale);
  return {
    html: template.html.replaceAll(LINK, escapeHtml(data.url)),
    text: template.text.replaceAll(LINK, data.url),
  };
}
