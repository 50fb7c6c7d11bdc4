-- Sign-in links are rendered by the outbox drain, not by the request that queues them
-- (a React Email render costs milliseconds of the request) - the row keeps what the
-- template needs (the link and the language) until the email is sent, like the bodies.
-- (No semicolons or quotes in these comments: the migration runner splits on them.)

-- AlterTable
ALTER TABLE "outbox_emails" ADD COLUMN "template_data" JSONB;
