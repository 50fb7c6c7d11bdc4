-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "submission_status" AS ENUM ('NOT_STARTED', 'SUBMITTED', 'CONFIRMED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "delivery_status" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "suppression_reason" AS ENUM ('BOUNCE', 'COMPLAINT', 'UNSUBSCRIBE');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "email_verified" TIMESTAMP(3),
    "image" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("provider","provider_account_id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "session_token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_tokens_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "pledges" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "first_name" TEXT,
    "country" CHAR(2) NOT NULL,
    "platforms" TEXT[],
    "locale" TEXT NOT NULL,
    "reminders_consent" BOOLEAN NOT NULL DEFAULT false,
    "reminders_consent_at" TIMESTAMP(3),
    "reminders_consent_text" TEXT,
    "unsubscribed_at" TIMESTAMP(3),
    "verified_at" TIMESTAMP(3),
    "referral_code" TEXT NOT NULL,
    "referred_by_id" TEXT,
    "referral_flagged_at" TIMESTAMP(3),
    "referral_flag_reason" TEXT,
    "signup_network_hash" TEXT,
    "show_first_name_on_share" BOOLEAN NOT NULL DEFAULT false,
    "leaderboard_name" TEXT,
    "leaderboard_opt_in_at" TIMESTAMP(3),
    "accounts_linked" BOOLEAN,
    "questionnaire_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pledges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submissions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "account_index" INTEGER NOT NULL,
    "account_email" TEXT,
    "covered_by_id" TEXT,
    "status" "submission_status" NOT NULL DEFAULT 'NOT_STARTED',
    "submitted_at" TIMESTAMP(3),
    "confirmed_at" TIMESTAMP(3),
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_reports" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "user_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "link_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_visits" (
    "pledge_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "visits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "referral_visits_pkey" PRIMARY KEY ("pledge_id","day")
);

-- CreateTable
CREATE TABLE "reminder_deliveries" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "reminder_key" TEXT NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMP(3),
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "provider_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reminder_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_emails" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT,
    "text" TEXT,
    "headers" JSONB,
    "idempotency_key" TEXT NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),
    "provider_id" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_emails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_suppressions" (
    "email_hash" TEXT NOT NULL,
    "reason" "suppression_reason" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_suppressions_pkey" PRIMARY KEY ("email_hash")
);

-- CreateTable
CREATE TABLE "stat_counters" (
    "campaign_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "stat_counters_pkey" PRIMARY KEY ("campaign_id","key","shard")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "verification_tokens_expires_idx" ON "verification_tokens"("expires");

-- CreateIndex
CREATE UNIQUE INDEX "pledges_user_id_key" ON "pledges"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "pledges_referral_code_key" ON "pledges"("referral_code");

-- CreateIndex
CREATE INDEX "pledges_campaign_id_verified_at_idx" ON "pledges"("campaign_id", "verified_at");

-- CreateIndex
CREATE INDEX "pledges_referred_by_id_idx" ON "pledges"("referred_by_id");

-- CreateIndex
CREATE INDEX "submissions_covered_by_id_idx" ON "submissions"("covered_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_user_id_campaign_id_platform_account_index_key" ON "submissions"("user_id", "campaign_id", "platform", "account_index");

-- CreateIndex
CREATE INDEX "link_reports_campaign_id_platform_resolved_at_idx" ON "link_reports"("campaign_id", "platform", "resolved_at");

-- CreateIndex
CREATE INDEX "reminder_deliveries_status_next_attempt_at_idx" ON "reminder_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_deliveries_user_id_campaign_id_reminder_key_key" ON "reminder_deliveries"("user_id", "campaign_id", "reminder_key");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_emails_idempotency_key_key" ON "outbox_emails"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_emails_status_next_attempt_at_idx" ON "outbox_emails"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_emails_to_idx" ON "outbox_emails"("to");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_referred_by_id_fkey" FOREIGN KEY ("referred_by_id") REFERENCES "pledges"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_covered_by_id_fkey" FOREIGN KEY ("covered_by_id") REFERENCES "submissions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_reports" ADD CONSTRAINT "link_reports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_visits" ADD CONSTRAINT "referral_visits_pledge_id_fkey" FOREIGN KEY ("pledge_id") REFERENCES "pledges"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Constraints Prisma's schema language cannot express. The app validates the same
-- rules with zod, and these make sure no code path can write a row that breaks them.
ALTER TABLE "users" ADD CONSTRAINT "users_email_normalised" CHECK ("email" = lower(btrim("email")) AND length("email") BETWEEN 3 AND 254);

ALTER TABLE "pledges"
  ADD CONSTRAINT "pledges_country_code" CHECK ("country" ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT "pledges_platforms_not_empty" CHECK (cardinality("platforms") >= 1),
  ADD CONSTRAINT "pledges_first_name_length" CHECK ("first_name" IS NULL OR char_length("first_name") BETWEEN 1 AND 50),
  ADD CONSTRAINT "pledges_locale_format" CHECK ("locale" ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  ADD CONSTRAINT "pledges_consent_recorded" CHECK (NOT "reminders_consent" OR ("reminders_consent_at" IS NOT NULL AND "reminders_consent_text" IS NOT NULL)),
  ADD CONSTRAINT "pledges_referral_code_format" CHECK ("referral_code" ~ '^[A-Za-z0-9_-]{6,16}$'),
  ADD CONSTRAINT "pledges_no_self_referral" CHECK ("referred_by_id" IS NULL OR "referred_by_id" <> "id"),
  ADD CONSTRAINT "pledges_leaderboard_name_length" CHECK ("leaderboard_name" IS NULL OR char_length("leaderboard_name") BETWEEN 2 AND 30);

ALTER TABLE "submissions"
  ADD CONSTRAINT "submissions_account_index" CHECK ("account_index" BETWEEN 1 AND 10),
  ADD CONSTRAINT "submissions_note_length" CHECK ("note" IS NULL OR char_length("note") <= 500),
  ADD CONSTRAINT "submissions_status_dates" CHECK (
    ("status" IN ('NOT_STARTED', 'NOT_APPLICABLE') AND "submitted_at" IS NULL AND "confirmed_at" IS NULL)
    OR ("status" = 'SUBMITTED' AND "submitted_at" IS NOT NULL AND "confirmed_at" IS NULL)
    OR ("status" = 'CONFIRMED' AND "submitted_at" IS NOT NULL AND "confirmed_at" IS NOT NULL AND "confirmed_at" >= "submitted_at")
  ),
  ADD CONSTRAINT "submissions_not_covering_itself" CHECK ("covered_by_id" IS NULL OR "covered_by_id" <> "id");

ALTER TABLE "referral_visits" ADD CONSTRAINT "referral_visits_positive" CHECK ("visits" >= 0);
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_attempts" CHECK ("attempts" >= 0);
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_attempts" CHECK ("attempts" >= 0);
ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_sha256" CHECK ("email_hash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "stat_counters" ADD CONSTRAINT "stat_counters_shard" CHECK ("shard" BETWEEN 0 AND 63);
