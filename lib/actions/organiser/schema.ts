import { z } from "zod";

// The console's forms, one schema each; errors are keys under "organiser.errors".

export const platformFormSchema = z.object({ platform: z.string().regex(/^[a-z0-9-]{1,40}$/, "invalid") });
export const referrerFormSchema = z.object({
  referrer: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "invalid"),
});
/** The organiser's "as of" (a datetime-local value read in UTC), or empty for now. */
export const sendReminderSchema = z.object({
  asOf: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.iso.datetime({ local: true, error: "invalid" }).optional(),
  ),
});
