import type { z } from "zod";

// Shared by the server actions (lib/actions/safe-action.ts) and the forms, whose
// browser checks answer in the same shape. No server-only imports and no zod at run
// time: this module is bundled into the browser too.

/** Each failing field's message key, keyed by the field's name ("form" for the whole form). */
export type FieldErrors = Record<string, string>;

/** The first error of each field of a failed zod parse, keyed by the field's name (a message key). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  return fields;
}
