import type { z } from "zod";

// Shared by the server actions (lib/actions/safe-action.ts) and the forms that run
// the same schema in the browser first, so both report a failed parse alike. No
// server-only imports: this module is bundled into the browser too.

/** The first error of each field of a failed zod parse, keyed by the field's name (a message key). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  return fields;
}
