import { createHash, timingSafeEqual } from "node:crypto";

export type BearerAccess = "ok" | "unauthorized" | "disabled";

/** Checks `Authorization: Bearer <secret>` in constant time; "disabled" when no secret is configured. */
export function bearerAccess(authorization: string | null, secret: string | undefined): BearerAccess {
  if (!secret) return "disabled";
  const given = createHash("sha256")
    .update(authorization ?? "")
    .digest();
  const expected = createHash("sha256").update(`Bearer ${secret}`).digest();
  return timingSafeEqual(given, expected) ? "ok" : "unauthorized";
}
