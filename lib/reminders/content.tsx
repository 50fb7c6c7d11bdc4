import AfterDeadlineEmail, { afterDeadlineSubject } from "@/emails/after-deadline";
import ReminderEmail, { type ReminderItem, reminderSubject } from "@/emails/reminder";
import type { Campaign } from "@/lib/campaign";
import { deadlineOf } from "@/lib/campaign/deadline";
import { escapeHtml } from "@/lib/mail/escape-html";
import { emailLocale } from "@/lib/mail/i18n";
import { renderEmail } from "@/lib/mail/render";
import { campaignHeaders } from "@/lib/mail/send";
import { linkExpiry, type ReminderSlot, reminderSlots } from "./schedule";
import type { PlatformToDo } from "./todo";
import { signToken } from "./tokens";

// Renders reminders. React Email takes milliseconds per email, too slow for 100,000
// people at Resend's pace, so each variant (locale, reminder, open objections, with
// or without a first name) is rendered once with placeholders, and each person's
// copy is that template with their name and signed links put in. Everything is
// derived from the reminder and the person's state, never from the clock, so a
// retried batch is byte for byte the same (Resend's idempotency key needs that).

export type ReminderRecipient = {
  deliveryId: string;
  userId: string;
  locale: string;
  firstName: string | null;
  todo: PlatformToDo[];
};

export type ReminderMessage = {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
};

const FIRST_NAME = "RMPHFIRSTNAMEX";
const UNSUBSCRIBE = "RMPHUNSUBSCRIBEX";
const doneMark = (index: number) => `RMPHDONE${index}X`;

type Template = { subject: string; html: string; text: string };

function fill(template: string, values: ReadonlyMap<string, string>): string {
  let out = template;
  for (const [mark, value] of values) out = out.replaceAll(mark, value);
  return out;
}

export function formatDeadline(campaign: Campaign, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: campaign.deadline.timeZone,
  }).format(deadlineOf(campaign));
}

export type ReminderRenderer = {
  render(slot: ReminderSlot, recipient: ReminderRecipient): Promise<ReminderMessage>;
};

/** A renderer for one campaign, with its own template cache. */
export function createReminderRenderer(
  campaign: Campaign,
  appUrl: string,
  secret?: string,
): ReminderRenderer {
  const base = appUrl.replace(/\/+$/, "");
  const templates = new Map<string, Promise<Template>>();
  const names = new Map(campaign.platforms.map((p) => [p.id, p]));
  const slots = reminderSlots(campaign);

  async function buildTemplate(slot: ReminderSlot, locale: string, todo: PlatformToDo[], hasName: boolean) {
    const items: ReminderItem[] = todo.map((entry, index) => {
      const platform = names.get(entry.platform);
      return {
        platformId: entry.platform,
        platformName: platform?.name ?? entry.platform,
        accounts: entry.accounts,
        formUrl: platform?.formUrl ?? `${base}/${locale}/dashboard`,
        doneUrl: doneMark(index),
      };
    });
    const common = {
      locale,
      firstName: hasName ? FIRST_NAME : null,
      company: campaign.company,
      deadline: formatDeadline(campaign, locale),
      items,
      dashboardUrl: `${base}/${locale}/dashboard`,
      unsubscribeUrl: UNSUBSCRIBE,
    };
    if (slot.daysBefore === null) {
      const { html, text } = await renderEmail(<AfterDeadlineEmail {...common} />);
      return { subject: afterDeadlineSubject(common), html, text };
    }
    const remaining = slots.filter(
      (s) => s.daysBefore !== null && s.daysBefore < (slot.daysBefore ?? 0),
    ).length;
    const { html, text } = await renderEmail(
      <ReminderEmail {...common} daysBefore={slot.daysBefore} remaining={remaining} />,
    );
    return { subject: reminderSubject({ ...common, daysBefore: slot.daysBefore }), html, text };
  }

  return {
    async render(slot, recipient) {
      const locale = emailLocale(recipient.locale);
      const name = recipient.firstName?.trim() || null;
      const variant = [
        slot.key,
        locale,
        name ? "n" : "-",
        ...recipient.todo.map((t) => `${t.platform}:${t.accounts}`),
      ].join("|");
      let template = templates.get(variant);
      if (!template) {
        template = buildTemplate(slot, locale, recipient.todo, name !== null);
        templates.set(variant, template);
      }
      const { subject, html, text } = await template;

      const expiresAt = linkExpiry(slot);
      const claims = { userId: recipient.userId, campaignId: campaign.id, expiresAt };
      const unsubscribeToken = signToken({ ...claims, purpose: "unsubscribe" }, secret);
      const links = new Map<string, string>();
      recipient.todo.forEach((entry, index) => {
        const token = signToken({ ...claims, purpose: "done", platform: entry.platform }, secret);
        links.set(doneMark(index), `${base}/${locale}/done?t=${token}`);
      });
      links.set(UNSUBSCRIBE, `${base}/${locale}/unsubscribe?t=${unsubscribeToken}`);

      const htmlValues = new Map([...links].map(([mark, url]) => [mark, escapeHtml(url)]));
      const textValues = new Map(links);
      if (name) {
        htmlValues.set(FIRST_NAME, escapeHtml(name));
        textValues.set(FIRST_NAME, name);
      }
      return {
        subject: fill(subject, textValues),
        html: fill(html, htmlValues),
        text: fill(text, textValues),
        headers: {
          ...campaignHeaders(`${base}/api/unsubscribe?t=${unsubscribeToken}`),
          // Gmail must not thread separate reminders; stable, so a retry renders the same.
          "X-Entity-Ref-ID": recipient.deliveryId,
        },
      };
    },
  };
}
