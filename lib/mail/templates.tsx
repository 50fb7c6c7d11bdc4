import { z } from "zod";
import ConfirmPledgeEmail, { confirmPledgeSubject } from "@/emails/confirm-pledge";
import SignInEmail, { signInSubject } from "@/emails/sign-in";
import { escapeHtml } from "./escape-html";
import { type RenderedEmail, renderEmail } from "./render";

// Mail the outbox drain renders, so that a request only stores what the template needs
// (./outbox.ts, column template_data). A React Email render takes milliseconds: each
// variant (template, language, host) is rendered once per process with a placeholder
// for the link, and each email is that copy with its own link put in, which gives the
// same bytes as rendering it directly (tests/unit/mail-templates.test.ts). Nothing
// depends on the clock, so a retried batch sends exactly what its first try sent.

export const templateDataSchema = z.discriminatedUnion("template", [
  z.object({ template: z.literal("sign-in"), url: z.url(), locale: z.string().min(2).max(10) }),
  z.object({
    template: z.literal("confirm-pledge"),
    url: z.url(),
    locale: z.string().min(2).max(10),
    campaignName: z.string().min(1).max(200),
    firstName: z.string().min(1).max(100).nullable(),
  }),
]);
export type TemplateData = z.infer<typeof templateDataSchema>;

const LINK = "RMPHSIGNINLINKX";
const NAME = "RMPHFIRSTNAMEX";

const globalForTemplates = globalThis as unknown as { mailTemplates?: Map<string, Promise<RenderedEmail>> };

/** The variant's key and how to render it with placeholders for what differs per email. */
function variantOf(data: TemplateData): { key: string; render: () => Promise<RenderedEmail> } {
  if (data.template === "sign-in") {
    const host = new URL(data.url).host;
    return {
      key: `sign-in\n${data.locale}\n${host}`,
      render: () => renderEmail(<SignInEmail url={LINK} host={host} locale={data.locale} />),
    };
  }
  const named = data.firstName !== null;
  return {
    key: `confirm-pledge\n${data.locale}\n${data.campaignName}\n${named}`,
    render: () =>
      renderEmail(
        <ConfirmPledgeEmail
          url={LINK}
          campaignName={data.campaignName}
          firstName={named ? NAME : null}
          locale={data.locale}
        />,
      ),
  };
}

function variant(data: TemplateData): Promise<RenderedEmail> {
  globalForTemplates.mailTemplates ??= new Map();
  const { key, render } = variantOf(data);
  let found = globalForTemplates.mailTemplates.get(key);
  if (!found) {
    found = render();
    // A failed render is not kept: the next batch tries again.
    found.catch(() => globalForTemplates.mailTemplates?.delete(key));
    globalForTemplates.mailTemplates.set(key, found);
  }
  return found;
}

/** The subject of a templated email (stored with the row when it is queued). */
export function templateSubject(data: TemplateData): string {
  return data.template === "sign-in"
    ? signInSubject({ host: new URL(data.url).host, locale: data.locale })
    : confirmPledgeSubject({ campaignName: data.campaignName, locale: data.locale });
}

/** HTML and text of a templated email. */
export async function renderTemplate(data: TemplateData): Promise<RenderedEmail> {
  const template = await variant(data);
  const name = data.template === "confirm-pledge" ? (data.firstName ?? "") : "";
  return {
    html: template.html.replaceAll(LINK, escapeHtml(data.url)).replaceAll(NAME, escapeHtml(name)),
    text: template.text.replaceAll(LINK, data.url).replaceAll(NAME, name),
  };
}
