import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { query, uniqueEmail } from "./db";

// The campaign the e2e server runs (the bundled file): seeded rows belong to it, and it
// is recorded the way the app records a campaign on its first pledge
// (lib/campaign/record.ts), so the database looks as if people had pledged.
const CAMPAIGN = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../../campaigns/meta-ai-2025.json"), "utf8"),
) as { id: string; deadline: { at: string; timeZone: string }; retentionDays: number };

export type SeededPerson = { userId: string; pledgeId: string; email: string; referralCode: string };

/**
 * A verified person with a live database session, signed in in `context` through the
 * Auth.js session cookie: tests that are not about signing in skip the mailbox.
 */
export async function signedInPerson(
  context: BrowserContext,
  options: { platforms?: string[]; country?: string; firstName?: string; remindersConsent?: boolean } = {},
): Promise<SeededPerson> {
  const email = uniqueEmail("seeded");
  const userId = `u${randomUUID().replaceAll("-", "")}`;
  const pledgeId = `p${randomUUID().replaceAll("-", "")}`;
  const referralCode = randomBytes(8).toString("base64url").slice(0, 10).replace(/[-_]/g, "x");
  const consent = options.remindersConsent ?? false;
  await query(
    `INSERT INTO campaigns (id, deadline_at, time_zone, retention_days, updated_at)
     VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', $3, $4, now())
     ON CONFLICT (id) DO NOTHING`,
    [CAMPAIGN.id, CAMPAIGN.deadline.at, CAMPAIGN.deadline.timeZone, CAMPAIGN.retentionDays],
  );
  await query("INSERT INTO users (id, email, email_verified, updated_at) VALUES ($1, $2, now(), now())", [
    userId,
    email,
  ]);
  await query(
    `INSERT INTO pledges (id, user_id, campaign_id, first_name, country, platforms, locale, reminders_consent,
       reminders_consent_at, reminders_consent_text, verified_at, referral_code, updated_at)
     VALUES ($1, $2, $10, $3, $4, $5, 'en', $6, $7, $8, now(), $9, now())`,
    [
      pledgeId,
      userId,
      options.firstName ?? null,
      options.country ?? "DE",
      options.platforms ?? ["facebook", "instagram"],
      consent,
      consent ? new Date() : null,
      consent ? "Yes, email me reminders." : null,
      referralCode,
      CAMPAIGN.id,
    ],
  );
  // The counters move with the rows, as lib/pledges does, so figures stay exact.
  await query(
    `INSERT INTO stat_counters (campaign_id, key, shard, value)
     SELECT $2, k, 0, 1 FROM unnest($1::text[]) AS k
     ON CONFLICT (campaign_id, key, shard) DO UPDATE SET value = stat_counters.value + 1`,
    [["pledges", "verified", `country:${options.country ?? "DE"}`, `day:${campaignDay()}`], CAMPAIGN.id],
  );
  const token = randomUUID();
  await query(
    "INSERT INTO sessions (session_token, user_id, expires, updated_at) VALUES ($1, $2, now() + interval '1 day', now())",
    [token, userId],
  );
  await context.addCookies([
    {
      name: "authjs.session-token",
      value: token,
      domain: new URL(process.env.APP_URL ?? "http://127.0.0.1").hostname,
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  return { userId, pledgeId, email, referralCode };
}

function campaignDay(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: CAMPAIGN.deadline.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}
