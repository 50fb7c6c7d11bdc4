-- AlterTable
ALTER TABLE "pledges" ADD COLUMN     "referral_flag_reviewed_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "organiser_audit_entries" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "result" TEXT NOT NULL,
    "detail" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organiser_audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "subject" TEXT,
    "summary" JSONB,
    "error" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "organiser_audit_entries_created_at_idx" ON "organiser_audit_entries"("created_at");

-- CreateIndex
CREATE INDEX "organiser_audit_entries_user_id_idx" ON "organiser_audit_entries"("user_id");

-- CreateIndex
CREATE INDEX "job_runs_job_started_at_idx" ON "job_runs"("job", "started_at");

-- AddForeignKey
ALTER TABLE "organiser_audit_entries" ADD CONSTRAINT "organiser_audit_entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Checks (Prisma cannot express them in the schema).
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_job_check" CHECK ("job" IN ('reminders', 'retention'));
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_source_check" CHECK ("source" IN ('cli', 'cron', 'console'));
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_status_check" CHECK ("status" IN ('running', 'done', 'failed'));
ALTER TABLE "organiser_audit_entries" ADD CONSTRAINT "organiser_audit_entries_result_check" CHECK (length("result") BETWEEN 1 AND 64);
