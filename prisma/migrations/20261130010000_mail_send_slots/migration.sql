-- One sending limit for every process: Resend's requests-per-second limit is per
-- account, so app instances, cron calls and `npm run reminders` take turns from these
-- rows (lib/mail/send-slots.ts) instead of each assuming the whole rate is theirs.
-- Rows are created by the app on first use, one per request allowed per second.

-- CreateTable
CREATE TABLE "mail_send_slots" (
    "slot" INTEGER NOT NULL,
    "holder" TEXT,
    "free_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paused_until" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mail_send_slots_pkey" PRIMARY KEY ("slot")
);

-- RESEND_REQUESTS_PER_SECOND is at most 100 (lib/env).
ALTER TABLE "mail_send_slots" ADD CONSTRAINT "mail_send_slots_slot_range" CHECK ("slot" >= 0 AND "slot" < 100);
