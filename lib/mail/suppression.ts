import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { SuppressionReason } from "@/lib/db/generated/enums";

// email_suppressions holds a SHA-256 of the normalised address, never the address,
// so a suppression outlives an erased account without keeping personal data.

/** Mail a person asked for to get in (a sign-in link, the receipt of their own pledge). */
export const TRANSACTIONAL_KINDS: ReadonlySet<string> = new Set(["sign-in", "pledge-confirmed"]);

/** SHA-256 (hex) of the trimmed, lower-cased address. */
export function hashEmail(address: string): string {
  return createHash("sha256").update(address.trim().toLowerCase()).digest("hex");
}

/**
 * Whether an email of `kind` must be skipped for an address suppressed for `reason`
 * (null: not suppressed). Transactional mail is always sent: someone who unsubscribed
 * from reminders, or whose address once bounced, must still be able to sign in.
 * Everything else (reminders, campaign news) is skipped for any suppression.
 */
export function isSkippedBySuppression(kind: string, reason: SuppressionReason | null): boolean {
  return reason !== null && isSuppressible(kind);
}

/** Whether suppressions apply to mail of `kind` at all (everything but transactional mail). */
export function isSuppressible(kind: string): boolean {
  return !TRANSACTIONAL_KINDS.has(kind);
}

/** The suppression reason of `address`, or null when it may be mailed. */
export async function suppressionOf(address: string): Promise<SuppressionReason | null> {
  const row = await db.emailSuppression.findUnique({
    where: { emailHash: hashEmail(address) },
    select: { reason: true },
  });
  return row?.reason ?? null;
}

export async function isSuppressed(address: string): Promise<boolean> {
  return (await suppressionOf(address)) !== null;
}

/** Suppression reasons of many addresses at once, keyed by hash. */
export async function suppressionsByHash(hashes: string[]): Promise<Map<string, SuppressionReason>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.emailSuppression.findMany({
    where: { emailHash: { in: [...new Set(hashes)] } },
    select: { emailHash: true, reason: true },
  });
  return new Map(rows.map((row) => [row.emailHash, row.reason]));
}
