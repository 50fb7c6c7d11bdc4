import "server-only";
import { Webhook } from "svix";
import { z } from "zod";
import { db } from "@/lib/db";
import type { SuppressionReason } from "@/lib/db/generated/enums";
import { mailLog } from "./log";
import { hashEmail } from "./suppression";

// Resend's webhooks (signed by Svix). Bounces and complaints suppress the address for
// good (stored as a hash, see lib/mail/suppression.ts). Nothing else is stored: no
// delivery, open or click tracking.

const SUPPRESSING: Record<string, SuppressionReason> = {
  "email.bounced": "BOUNCE",
  "email.complained": "COMPLAINT",
};

const envelopeSchema = z.object({ type: z.string().min(1).max(100), data: z.unknown() });
const recipientsSchema = z.object({
  email_id: z.string().max(200).optional(),
  to: z.union([z.email(), z.array(z.email()).min(1).max(50)]),
});

export type WebhookOutcome =
  | { status: 200; body: { ok: true; handled: boolean } }
  | { status: 401; body: { error: { code: "unauthorized"; message: string } } }
  | { status: 422; body: { error: { code: "invalid_body"; message: string } } };

const unauthorized: WebhookOutcome = {
  status: 401,
  body: { error: { code: "unauthorized", message: "Missing or invalid signature." } },
};
const invalid: WebhookOutcome = {
  status: 422,
  body: { error: { code: "invalid_body", message: "The event does not have the expected shape." } },
};

/**
 * Verifies and handles one webhook delivery. `rawBody` must be the exact bytes Resend
 * sent (the signature covers them); a missing, wrong or stale (over 5 minutes)
 * signature is refused before anything is parsed or stored.
 */
export async function handleResendWebhook(
  rawBody: string,
  headers: Headers,
  secret: string,
): Promise<WebhookOutcome> {
  const id = headers.get("svix-id");
  const timestamp = headers.get("svix-timestamp");
  const signature = headers.get("svix-signature");
  if (!id || !timestamp || !signature) return unauthorized;
  try {
    new Webhook(secret).verify(rawBody, {
      "svix-id": id,
      "svix-timestamp": timestamp,
      "svix-signature": signature,
    });
  } catch {
    return unauthorized;
  }

  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return invalid;
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return invalid;
  const reason = SUPPRESSING[envelope.data.type];
  if (!reason) {
    mailLog.info({ webhookId: id, type: envelope.data.type }, "resend webhook ignored");
    return { status: 200, body: { ok: true, handled: false } };
  }
  const recipients = recipientsSchema.safeParse(envelope.data.data);
  if (!recipients.success) return invalid;
  const addresses = Array.isArray(recipients.data.to) ? recipients.data.to : [recipients.data.to];
  await db.emailSuppression.createMany({
    data: [...new Set(addresses.map(hashEmail))].map((emailHash) => ({ emailHash, reason })),
    skipDuplicates: true,
  });
  mailLog.info(
    { webhookId: id, type: envelope.data.type, emailId: recipients.data.email_id, count: addresses.length },
    "address suppressed",
  );
  return { status: 200, body: { ok: true, handled: true } };
}
