import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";

// Links in reminders act without signing in, so they carry a signed token: HMAC-SHA256
// (key derived from AUTH_SECRET) over a small payload naming the purpose, the person,
// the campaign, the platform (for "done") and an expiry. A token for one purpose is
// refused for another. Tokens are deterministic for the same payload, so a retried
// batch renders byte for byte the same email (Resend's idempotency key needs that).

export const TOKEN_PURPOSES = ["done", "unsubscribe"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

const payloadSchema = z.object({
  v: z.literal(1),
  p: z.enum(TOKEN_PURPOSES),
  u: z.string().min(1).max(64),
  c: z.string().min(1).max(64),
  pl: z.string().min(1).max(40).optional(),
  e: z.number().int().positive(),
});

export type TokenClaims = {
  purpose: TokenPurpose;
  userId: string;
  campaignId: string;
  platform?: string;
  expiresAt: Date;
};

export type TokenError = "token_invalid" | "token_expired" | "token_purpose";

function keyFrom(secret: string): Buffer {
  return createHmac("sha256", secret).update("reminder-links-v1").digest();
}

function signingKey(secret?: string): Buffer {
  const value = secret ?? env().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set: reminder links cannot be signed");
  return keyFrom(value);
}

function mac(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

export function signToken(claims: TokenClaims, secret?: string): string {
  const payload = {
    v: 1,
    p: claims.purpose,
    u: claims.userId,
    c: claims.campaignId,
    ...(claims.platform ? { pl: claims.platform } : {}),
    e: Math.floor(claims.expiresAt.getTime() / 1000),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(signingKey(secret), body)}`;
}

/** The claims of a valid, unexpired token for `purpose`, or why it is refused. */
export function verifyToken(
  token: string,
  purpose: TokenPurpose,
  now: Date,
  secret?: string,
): { ok: true; claims: TokenClaims } | { ok: false; error: TokenError } {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || token.length > 600)
    return { ok: false, error: "token_invalid" };
  const expected = Buffer.from(mac(signingKey(secret), body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, error: "token_invalid" };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, error: "token_invalid" };
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "token_invalid" };
  const claims = parsed.data;
  if (claims.p !== purpose) return { ok: false, error: "token_purpose" };
  if (purpose === "done" && !claims.pl) return { ok: false, error: "token_invalid" };
  const expiresAt = new Date(claims.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, error: "token_expired" };
  return {
    ok: true,
    claims: { purpose: claims.p, userId: claims.u, campaignId: claims.c, platform: claims.pl, expiresAt },
  };
}
