-- A skipped account has filed nothing, so it carries no dates, like NOT_STARTED.
-- A migration of its own: PostgreSQL refuses a new enum value in the transaction
-- that added it.
ALTER TABLE "submissions" DROP CONSTRAINT "submissions_status_dates";
ALTER TABLE "submissions"
  ADD CONSTRAINT "submissions_status_dates" CHECK (
    ("status" IN ('NOT_STARTED', 'NOT_APPLICABLE', 'SKIPPED') AND "submitted_at" IS NULL AND "confirmed_at" IS NULL)
    OR ("status" = 'SUBMITTED' AND "submitted_at" IS NOT NULL AND "confirmed_at" IS NULL)
    OR ("status" = 'CONFIRMED' AND "submitted_at" IS NOT NULL AND "confirmed_at" IS NOT NULL AND "confirmed_at" >= "submitted_at")
  );
