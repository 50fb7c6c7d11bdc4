import { env } from "@/lib/env";

/** Whether `email` is one of ORGANISER_EMAILS (compared as Auth.js stores addresses). */
export function isOrganiserEmail(email: string): boolean {
  return env().ORGANISER_EMAILS.includes(email.trim().toLowerCase());
}
