-- The column holds what names an account on its platform: an email address, or a
-- phone number for WhatsApp (the campaign file's `accountIdentifier`). Renamed, not
-- dropped and re-added as `prisma migrate diff` would write it, so the values stay.
ALTER TABLE "submissions" RENAME COLUMN "account_email" TO "account_identifier";
