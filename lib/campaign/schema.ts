import { z } from "zod";
import { DEFAULT_LOCALE } from "../i18n/locales";

// A campaign is data: an organiser runs the next one (another platform, another
// deadline) by writing a file of this shape and pointing CAMPAIGN_CONFIG at it.

/** Text shown to people: one string per locale, the default locale required. */
export const localizedTextSchema = z
  .record(
    z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "must be a locale code such as en or de"),
    z.string().min(1),
  )
  .refine((text) => typeof text[DEFAULT_LOCALE] === "string", {
    message: `must have a "${DEFAULT_LOCALE}" text`,
  });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be an IANA time zone such as Europe/Brussels" },
);

export const platformSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, "must be lower-case letters, digits and dashes"),
  name: z.string().min(1).max(40),
  formUrl: z.url({ protocol: /^https$/, error: "must be an https:// URL" }),
  // Platforms sharing a group can be covered by one objection when the person's
  // accounts are linked (Meta's Accounts Center links Facebook and Instagram).
  linkGroup: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,30}$/)
    .optional(),
  maxAccounts: z.number().int().min(1).max(10).default(5),
  // What names an account on this platform, which the tracker asks for (optionally) per
  // account: an email address, or a phone number (a WhatsApp account is its number).
  accountIdentifier: z.enum(["email", "phone"]).default("email"),
  steps: z.array(localizedTextSchema).min(1).max(12),
  caveats: z
    .array(z.object({ severity: z.enum(["info", "warning"]), text: localizedTextSchema }))
    .default([]),
});
export type Platform = z.infer<typeof platformSchema>;

export const campaignSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,40}$/, "must be lower-case letters, digits and dashes"),
    name: localizedTextSchema,
    company: z.string().min(1).max(60),
    summary: localizedTextSchema,
    deadline: z.object({
      // The instant objections are due by ("before 27 May 2025" is 00:00 that day).
      at: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant with offset" }),
      timeZone: timeZoneSchema,
    }),
    // The first calendar day (YYYY-MM-DD) anyone could object: the tracker refuses
    // objection dates before it. Without it, any past day is accepted.
    objectionsOpenFrom: z.iso.date({ error: "must be a calendar day such as 2025-04-01" }).optional(),
    // What the landing page says is taken, what is not, and why it matters.
    facts: z.object({
      taken: z.array(localizedTextSchema).min(1),
      notTaken: z.array(localizedTextSchema).default([]),
      whyItMatters: z.array(localizedTextSchema).min(1),
    }),
    // The questions people ask about this campaign, answered on the landing page.
    faq: z
      .array(z.object({ question: localizedTextSchema, answer: localizedTextSchema }))
      .max(20)
      .default([]),
    platforms: z.array(platformSchema).min(1).max(10),
    reminders: z.object({
      daysBefore: z.array(z.number().int().min(0).max(90)).max(10).default([14, 7, 3, 1, 0]),
      afterDeadline: z.boolean().default(true),
    }),
    organiser: z.object({
      name: z.string().min(1).max(100),
      email: z.email(),
      url: z.url().optional(),
      postalAddress: z.string().max(300).optional(),
      dataProtectionAuthority: z.object({ name: z.string().min(1), url: z.url() }),
    }),
    // Personal data is erased this many days after the deadline.
    retentionDays: z.number().int().min(1).max(3650).default(180),
  })
  .superRefine((campaign, ctx) => {
    const seen = new Set<string>();
    campaign.platforms.forEach((platform, index) => {
      if (seen.has(platform.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["platforms", index, "id"],
          message: `duplicate platform id "${platform.id}"`,
        });
      }
      seen.add(platform.id);
    });
    const openFrom = campaign.objectionsOpenFrom;
    if (openFrom && Date.parse(`${openFrom}T00:00:00Z`) > Date.parse(campaign.deadline.at)) {
      ctx.addIssue({
        code: "custom",
        path: ["objectionsOpenFrom"],
        message: "must not be after the deadline",
      });
    }
    const days = campaign.reminders.daysBefore;
    if (new Set(days).size !== days.length) {
      ctx.addIssue({ code: "custom", path: ["reminders", "daysBefore"], message: "must not repeat a day" });
    }
  });

export type CampaignInput = z.input<typeof campaignSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
