import { createHash, timingSafeEqual } from "node:crypto";

// The scheduler's access to /api/cron/reminders: `Authorization: Bearer <CRON_SECRET>`
// (what Vercel Cron sends). Without CRON_SECRET the endpoint does not exist.

export type CronAccess = "disabled" | "unauthorized" | "ok";

export function cronAccess(authorization: string | null, secret: string | undefined): CronAccess {
  if (!secret) return "disabled";
  const given = createHash("sha256")
    .update(authorization ?? "")
    .digest();
  const expected = createHash("sha256").update(`Bearer ${secret}`).digest();
  return timingSafeEqual(given, expected) ? "ok" : "unauthorized";
}
