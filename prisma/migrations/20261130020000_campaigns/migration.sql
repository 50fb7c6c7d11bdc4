-- The next campaign on the same database: a person pledges once per campaign (the
-- unique key moves from user_id to (user_id, campaign_id)), and the deadline, time
-- zone and retention of each campaign are recorded, so that its personal data is
-- erased at its own cutoff after the config has moved on to another campaign.
--
-- No backfill: the deadline of a campaign that already has rows is in its config file,
-- not in the database. The app records the running campaign on its next pledge or
-- retention run. The retention job reports campaign ids nobody recorded and never
-- erases them by guesswork.
-- (No semicolons or quotes in these comments: the migration runner splits on them.)

-- DropIndex
DROP INDEX "pledges_user_id_key";

-- CreateTable
CREATE TABLE "campaigns" (
    "id" TEXT NOT NULL,
    "deadline_at" TIMESTAMP(3) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "retention_days" INTEGER NOT NULL,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pledges_user_id_campaign_id_key" ON "pledges"("user_id", "campaign_id");

-- Check constraints, which Prisma cannot express in the schema: the same bounds as the
-- schema of campaign config files (lib/campaign/schema.ts).
ALTER TABLE "campaigns"
  ADD CONSTRAINT "campaigns_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9-]{2,40}$'),
  ADD CONSTRAINT "campaigns_retention_days" CHECK ("retention_days" BETWEEN 1 AND 3650),
  ADD CONSTRAINT "campaigns_time_zone_not_empty" CHECK (char_length("time_zone") BETWEEN 1 AND 64);
