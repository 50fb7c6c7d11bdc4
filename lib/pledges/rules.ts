// The pledge and sign-in forms' rules, without zod: the server's schema (./schema.ts)
// is built on them, and the browser's check (./form-check.ts) reuses them, so the
// browser never downloads zod to refuse what the server would refuse too.

/** EU member states, then the other EEA states; "ZZ" means somewhere else. */
export const COUNTRY_CODES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "ZZ",
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/** The longest address SMTP allows (RFC 5321's path limit less its brackets). */
export const EMAIL_MAX_LENGTH = 254;
export const FIRST_NAME_MAX_LENGTH = 50;

/**
 * Zod's own email pattern (z.regexes.email, a unit test keeps them equal), spelled out
 * here so that the browser can apply it without zod; the server's schema passes it to
 * z.email.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Letters (any script), combining marks, spaces, apostrophes, dots and hyphens. */
export const PLAIN_NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;
