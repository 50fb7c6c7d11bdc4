import { randomInt } from "node:crypto";

export { REFERRAL_CODE_PATTERN } from "./referral-code-pattern";

// 10 characters from 32 (no 0/O/1/l/I look-alikes): 2^50 codes, short enough to
// type, impossible to guess, and unrelated to the email or the id.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyzA";

export function newReferralCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
