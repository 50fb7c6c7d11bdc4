// The tracker forms' limits, without zod: the schemas (./schema.ts) enforce them, and the
// dashboard's forms, which load in the browser, size their fields by them.

export const NOTE_MAX_LENGTH = 500;
/** The most accounts per platform the database accepts (check submissions_account_index). */
export const MAX_ACCOUNT_INDEX = 10;
