-- "Couldn't find the form, skip for now": a state of its own, distinct from
-- NOT_APPLICABLE ("I don't use this"), so the card and the counters stay true.
-- AlterEnum
ALTER TYPE "submission_status" ADD VALUE 'SKIPPED';
