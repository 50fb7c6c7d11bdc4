import { z } from "zod";
import type { Platform } from "@/lib/campaign";
import { LOCALES } from "@/lib/i18n/locales";
import { MAX_ACCOUNT_INDEX, NOTE_MAX_LENGTH } from "./limits";
import { STATUSES } from "./progress";

// The tracker's form schemas, parsed by the server actions. Not for the browser (zod
// is heavy there): forms take their limits from ./limits.ts. Error messages are keys
// under "tracker.errors".

type PlatformRules = Pick<Platform, "id" | "maxAccounts" | "linkGroup" | "accountIdentifier">;

const emailFormat = z.email();
/** After normalising: an international number (+ and country code) or a national one, 6-15 digits (E.164). */
const PHONE_FORMAT = /^(?:\+[1-9]\d{5,14}|\d{6,15})$/;

/** An account's email as entered: empty means "not given". */
function normaliseEmail(value: string | undefined): string | null {
  const email = (value ?? "").trim().toLowerCase();
  return email === "" ? null : email;
}

/** An account's phone number as entered, without spaces, dashes, dots or brackets; 00 becomes +. */
function normalisePhone(value: string | undefined): string | null {
  const phone = (value ?? "").replace(/[\s().\-/]/g, "").replace(/^00/, "+");
  return phone === "" ? null : phone;
}

/**
 * How a platform's accounts are named in the tracker (campaign `accountIdentifier`):
 * each kind's normalised form and whether a given value is one. The values share one
 * column (`submissions.account_identifier`), which holds what names the account.
 */
const IDENTIFIERS = {
  email: {
    normalise: normaliseEmail,
    isValid: (email: string) => email.length <= 254 && emailFormat.safeParse(email).success,
    error: "email_invalid",
  },
  phone: {
    normalise: normalisePhone,
    isValid: (phone: string) => PHONE_FORMAT.test(phone),
    error: "phone_invalid",
  },
} as const;

/** Platform ids that share a link group with at least one other chosen platform. */
export function linkedGroupsAmong(platforms: readonly PlatformRules[], chosen: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const platform of platforms) {
    if (platform.linkGroup && chosen.includes(platform.id)) {
      counts.set(platform.linkGroup, (counts.get(platform.linkGroup) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n >= 2).map(([group]) => group);
}

export function questionnaireSchema(platforms: readonly PlatformRules[]) {
  const ids = platforms.map((p) => p.id);
  const known = (id: string) => ids.includes(id);
  return z
    .object({
      platforms: z
        .array(z.string().refine(known, { error: "platform_invalid" }), { error: "platforms_required" })
        .min(1, { error: "platforms_required" })
        .transform((chosen) => ids.filter((id) => chosen.includes(id))),
      accounts: z.record(
        z.string(),
        z.coerce.number({ error: "accounts_invalid" }).int({ error: "accounts_invalid" }),
      ),
      linked: z.enum(["yes", "no"], { error: "linked_required" }).optional(),
      emails: z.record(
        z.string(),
        z.string({ error: "email_invalid" }).max(1000, { error: "email_invalid" }),
      ),
      locale: z.enum(LOCALES, { error: "locale_invalid" }),
    })
    .superRefine((value, ctx) => {
      if (Object.keys(value.accounts).some((id) => !known(id))) {
        ctx.addIssue({ code: "custom", path: ["accounts"], message: "platform_invalid" });
      }
      for (const platform of platforms) {
        if (!value.platforms.includes(platform.id)) continue;
        const count = value.accounts[platform.id];
        if (count === undefined || count < 1 || count > Math.min(platform.maxAccounts, MAX_ACCOUNT_INDEX)) {
          ctx.addIssue({ code: "custom", path: [`accounts_${platform.id}`], message: "accounts_invalid" });
          continue;
        }
        const identifier = IDENTIFIERS[platform.accountIdentifier];
        for (let index = 1; index <= count; index++) {
          const given = identifier.normalise(value.emails[`${platform.id}:${index}`]);
          if (given !== null && !identifier.isValid(given)) {
            ctx.addIssue({
              code: "custom",
              path: [`email_${platform.id}_${index}`],
              message: identifier.error,
            });
          }
        }
      }
      if (linkedGroupsAmong(platforms, value.platforms).length > 0 && value.linked === undefined) {
        ctx.addIssue({ code: "custom", path: ["linked"], message: "linked_required" });
      }
    })
    .transform((value) => {
      const accounts = platforms
        .filter((p) => value.platforms.includes(p.id))
        .map((p) => {
          const count = value.accounts[p.id] ?? 1;
          return {
            platform: p.id,
            emails: Array.from({ length: count }, (_, i) =>
              IDENTIFIERS[p.accountIdentifier].normalise(value.emails[`${p.id}:${i + 1}`]),
            ),
          };
        });
      const isLinkable = linkedGroupsAmong(platforms, value.platforms).length > 0;
      return {
        accounts,
        // Only meaningful when two chosen platforms can be linked; null otherwise.
        accountsLinked: isLinkable ? value.linked === "yes" : null,
        locale: value.locale,
      };
    });
}

export type QuestionnaireInput = z.infer<ReturnType<typeof questionnaireSchema>>;

/**
 * The questionnaire form's fields as the schema expects them: `platforms` checkboxes,
 * `accounts_<platform>` counts, `linked` yes/no and `email_<platform>_<n>`, each
 * account's email address or phone number (the platform's `accountIdentifier`).
 */
export function questionnaireFormValues(form: FormData) {
  const accounts: Record<string, FormDataEntryValue> = {};
  const emails: Record<string, FormDataEntryValue> = {};
  for (const [name, value] of form.entries()) {
    const count = /^accounts_(.+)$/.exec(name);
    if (count?.[1]) accounts[count[1]] = value;
    const email = /^email_(.+)_(\d+)$/.exec(name);
    if (email?.[1] && email[2]) emails[`${email[1]}:${Number(email[2])}`] = value;
  }
  return {
    platforms: form.getAll("platforms"),
    accounts,
    linked: form.get("linked") ?? undefined,
    emails,
    locale: form.get("locale") ?? undefined,
  };
}

const submissionId = z
  .string({ error: "account_invalid" })
  .regex(/^[a-z0-9]{10,40}$/, { error: "account_invalid" });

export const updateSubmissionSchema = z.object({
  submissionId,
  status: z.enum(STATUSES, { error: "status_invalid" }),
  // YYYY-MM-DD; its range is checked against the clock by the domain (objectionDayError).
  day: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .optional(),
  // Absent: keep the note; empty: clear it.
  note: z
    .string()
    .trim()
    .max(NOTE_MAX_LENGTH, { error: "note_too_long" })
    .transform((value) => (value === "" ? null : value))
    .optional(),
  locale: z.enum(LOCALES, { error: "locale_invalid" }),
});

export type UpdateSubmissionInput = z.infer<typeof updateSubmissionSchema>;

export function updateSubmissionFormValues(form: FormData) {
  return {
    submissionId: form.get("submissionId") ?? undefined,
    status: form.get("status") ?? undefined,
    day: form.get("day") ?? undefined,
    note: form.get("note") ?? undefined,
    locale: form.get("locale") ?? undefined,
  };
}

export const reportLinkSchema = z.object({
  platform: z
    .string({ error: "platform_invalid" })
    .regex(/^[a-z][a-z0-9-]{1,30}$/, { error: "platform_invalid" }),
  locale: z.enum(LOCALES, { error: "locale_invalid" }),
});

export type ReportLinkInput = z.infer<typeof reportLinkSchema>;

export function reportLinkFormValues(form: FormData) {
  return { platform: form.get("platform") ?? undefined, locale: form.get("locale") ?? undefined };
}
