// The mailbox an address reaches, for counting sign-in emails per person: one inbox
// must not get a fresh allowance for every spelling of it. Only rate limits use it;
// the address is stored and mailed exactly as typed.

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * Lower-cased, without a `+tag`, and for Gmail (googlemail.com is the same service)
 * without dots in the local part, which Gmail ignores.
 */
export function canonicalEmail(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at <= 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}
