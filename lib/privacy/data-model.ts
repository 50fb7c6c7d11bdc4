// What the database holds, table by table, in the words of the privacy policy. The
// policy page and the export are built from this list, and an integration test
// compares it with the live schema (information_schema): a new table or column fails
// that test until it is described here, so the policy cannot drift from the data.

import type enPrivacy from "@/messages/en/privacy.json";

/** Message keys under "privacy.tables": the English file lists one per table. */
export type TableKey = keyof (typeof enPrivacy)["privacy"]["tables"];

/** How long rows of a table live; each rule has its wording under "privacy.retention". */
export type RetentionRule =
  | "account" // until the person deletes their account, and at most retentionDays after the deadline
  //             of each campaign (a campaign's rows at its own cutoff; the account with the last one)
  | "unverified" // pledges never confirmed: 7 days
  | "session" // until sign-out or expiry (30 days), and with the account
  | "magicLink" // until used or expired (24 hours), and with the account
  | "outbox" // bodies cleared once sent; the rest with the account or the campaign
  | "suppression" // kept on purpose: a hash that prevents mailing the address again
  | "aggregate" // anonymous counters, no personal data
  | "campaign" // a campaign's deadline and retention, kept so its data is erased on time
  | "rateLimit"; // an hour at most

export type TableDoc = {
  /** Database table name. */
  table: string;
  /** Message key under "privacy.tables". */
  key: TableKey;
  /** Whether rows can identify a person (directly or through another table). */
  isPersonal: boolean;
  retention: RetentionRule[];
  /** Database column names, in schema order. */
  columns: readonly string[];
};

/** The keys every row of one person in one campaign starts with. */
const PERSON_IN_CAMPAIGN = ["id", "user_id", "campaign_id"] as const;

export const DATA_MODEL: readonly TableDoc[] = [
  {
    table: "users",
    key: "users",
    isPersonal: true,
    retention: ["account"],
    columns: ["id", "name", "email", "email_verified", "image", "created_at", "updated_at"],
  },
  {
    table: "pledges",
    key: "pledges",
    isPersonal: true,
    retention: ["account", "unverified"],
    columns: [
      ...PERSON_IN_CAMPAIGN,
      "first_name",
      "country",
      "platforms",
      "locale",
      "reminders_consent",
      "reminders_consent_at",
      "reminders_consent_text",
      "unsubscribed_at",
      "verified_at",
      "referral_code",
      "referred_by_id",
      "referral_flagged_at",
      "referral_flag_reason",
      "referral_flag_reviewed_at",
      "signup_network_hash",
      "show_first_name_on_share",
      "leaderboard_name",
      "leaderboard_opt_in_at",
      "accounts_linked",
      "questionnaire_at",
      "finished_at",
      "created_at",
      "updated_at",
    ],
  },
  {
    table: "submissions",
    key: "submissions",
    isPersonal: true,
    retention: ["account"],
    columns: [
      ...PERSON_IN_CAMPAIGN,
      "platform",
      "account_index",
      "account_identifier",
      "covered_by_id",
      "status",
      "submitted_at",
      "confirmed_at",
      "note",
      "created_at",
      "updated_at",
    ],
  },
  {
    table: "reminder_deliveries",
    key: "reminderDeliveries",
    isPersonal: true,
    retention: ["account"],
    columns: [
      ...PERSON_IN_CAMPAIGN,
      "reminder_key",
      "status",
      "attempts",
      "claimed_by",
      "claimed_at",
      "next_attempt_at",
      "sent_at",
      "provider_id",
      "last_error",
      "created_at",
      "updated_at",
    ],
  },
  {
    table: "referral_visits",
    key: "referralVisits",
    isPersonal: true,
    retention: ["account"],
    columns: ["pledge_id", "day", "visits"],
  },
  {
    table: "link_reports",
    key: "linkReports",
    isPersonal: true,
    retention: ["account"],
    columns: ["id", "campaign_id", "platform", "user_id", "created_at", "resolved_at"],
  },
  {
    table: "sessions",
    key: "sessions",
    isPersonal: true,
    retention: ["session"],
    columns: ["session_token", "user_id", "expires", "created_at", "updated_at"],
  },
  {
    table: "accounts",
    key: "accounts",
    isPersonal: true,
    retention: ["account"],
    columns: [
      "user_id",
      "type",
      "provider",
      "provider_account_id",
      "refresh_token",
      "access_token",
      "expires_at",
      "token_type",
      "scope",
      "id_token",
      "session_state",
      "created_at",
      "updated_at",
    ],
  },
  {
    table: "verification_tokens",
    key: "verificationTokens",
    isPersonal: true,
    retention: ["magicLink"],
    columns: ["identifier", "token", "expires"],
  },
  {
    table: "outbox_emails",
    key: "outboxEmails",
    isPersonal: true,
    retention: ["outbox"],
    columns: [
      "id",
      "kind",
      "to",
      "subject",
      "html",
      "text",
      "headers",
      "template_data",
      "idempotency_key",
      "status",
      "attempts",
      "next_attempt_at",
      "claimed_by",
      "claimed_at",
      "sent_at",
      "provider_id",
      "last_error",
      "created_at",
    ],
  },
  {
    table: "organiser_audit_entries",
    key: "organiserAuditEntries",
    isPersonal: true,
    retention: ["account"],
    columns: ["id", "user_id", "action", "target", "result", "detail", "created_at"],
  },
  {
    table: "job_runs",
    key: "jobRuns",
    isPersonal: false,
    retention: ["aggregate"],
    columns: [
      "id",
      "job",
      "campaign_id",
      "source",
      "status",
      "subject",
      "summary",
      "error",
      "started_at",
      "finished_at",
    ],
  },
  {
    table: "email_suppressions",
    key: "emailSuppressions",
    isPersonal: false,
    retention: ["suppression"],
    columns: ["email_hash", "reason", "created_at"],
  },
  {
    table: "rate_limits",
    key: "rateLimits",
    isPersonal: true,
    retention: ["rateLimit"],
    columns: ["key", "points", "expire"],
  },
  {
    table: "stat_counters",
    key: "statCounters",
    isPersonal: false,
    retention: ["aggregate"],
    columns: ["campaign_id", "key", "shard", "value"],
  },
  {
    table: "mail_send_slots",
    key: "mailSendSlots",
    isPersonal: false,
    retention: ["aggregate"],
    columns: ["slot", "holder", "free_at", "paused_until"],
  },
  {
    table: "campaigns",
    key: "campaigns",
    isPersonal: false,
    retention: ["campaign"],
    columns: ["id", "deadline_at", "time_zone", "retention_days", "first_seen_at", "updated_at"],
  },
];

/** Tables that are the migration tool's own bookkeeping, not the app's data. */
export const INTERNAL_TABLES: readonly string[] = ["_prisma_migrations"];

/** Pledges never confirmed by their magic link are erased after this many days. */
export const UNVERIFIED_PLEDGE_DAYS = 7;
