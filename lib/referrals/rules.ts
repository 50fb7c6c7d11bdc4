// Pure rules of the referral domain (no database, no request, no Node API, no zod, so
// the browser may import them too): display names, near-identical addresses, milestones.
// Network prefixes are in ./network-hash.ts. Unit-tested on their own.

// ---------------------------------------------------------------- Fraud thresholds

/**
 * Network burst: when at least NETWORK_BURST_COUNT verified invitees of one referrer
 * signed up from one network (/24 IPv4, /48 IPv6) and verified within
 * NETWORK_BURST_WINDOW_MS, all of them and the referrer are flagged. Five people in
 * one hour behind one router is rare for genuine sharing (a family or a flat share
 * stays below it) and cheap to reach for someone filling the form in a loop.
 */
export const NETWORK_BURST_COUNT = 5;
export const NETWORK_BURST_WINDOW_MS = 60 * 60 * 1000;

/**
 * Near-identical addresses: when at least SIMILAR_ADDRESS_COUNT verified invitees of
 * one referrer share one address skeleton (see addressSkeleton), they and the
 * referrer are flagged. Two could be a couple ("max@" and "max2@"); three on one
 * domain that differ only by digits, dots or plus-tags is one inbox or a script.
 */
export const SIMILAR_ADDRESS_COUNT = 3;

export const FLAG_REASONS = { networkBurst: "network_burst", similarAddresses: "similar_addresses" } as const;
export type FlagReason = (typeof FLAG_REASONS)[keyof typeof FLAG_REASONS];

// ---------------------------------------------------------------- Milestones

/** Verified invitees needed for each badge. */
// Starting at 3: a badge for one confirmed friend would tell the referrer what that
// one (known) friend did.
export const MILESTONES = [3, 10, 25] as const;
export type Milestone = (typeof MILESTONES)[number];

export function milestonesReached(verifiedInvitees: number): Milestone[] {
  return MILESTONES.filter((m) => verifiedInvitees >= m);
}

/** The next badge to earn, or null once all are earned. */
export function nextMilestone(verifiedInvitees: number): Milestone | null {
  return MILESTONES.find((m) => verifiedInvitees < m) ?? null;
}

// ---------------------------------------------------------------- Display names

export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 30;

// Kept small on purpose: slurs, and names that pose as the organisers or the company.
// Matched inside the name once letters are folded (case, accents, look-alike digits),
// so "Adm1n" and "N A Z I" are caught; a false positive only asks for another name.
export const BLOCKED_WORDS = [
  "admin",
  "moderator",
  "official",
  "nazi",
  "hitler",
  "fuck",
  "shit",
  "cunt",
  "whore",
  "slut",
  "nigger",
  "nigga",
  "faggot",
  "retard",
  "kike",
  "spastic",
] as const;

const LOOK_ALIKES: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "i",
};

/** Lower case, accents removed, look-alike digits mapped, everything but letters dropped. */
export function foldForBlocking(name: string): string {
  const mapped = [...name.normalize("NFKD").toLowerCase()].map((ch) => LOOK_ALIKES[ch] ?? ch).join("");
  return mapped.replace(/\p{M}/gu, "").replace(/[^\p{L}]/gu, "");
}

export function containsBlockedWord(name: string): boolean {
  const folded = foldForBlocking(name);
  // "ii" covers "1" and "l"/"i" confusions in both directions.
  const loose = folded.replaceAll("l", "i");
  return BLOCKED_WORDS.some((word) => folded.includes(word) || loose.includes(word.replaceAll("l", "i")));
}

// ---------------------------------------------------------------- Addresses

/**
 * What is left of an address once the usual ways to mint many from one inbox are
 * removed: a plus-tag, dots and digits in the local part. "ann.b+1@x.org",
 * "annb2@x.org" and "a.n.n.b@x.org" share "annb@x.org". The domain is kept whole.
 */
export function addressSkeleton(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return email.trim().toLowerCase();
  const local = email
    .slice(0, at)
    .trim()
    .toLowerCase()
    .replace(/\+.*$/, "")
    .replace(/[.\d_-]/g, "");
  return `${local}@${email
    .slice(at + 1)
    .trim()
    .toLowerCase()}`;
}

/** The skeletons shared by at least `threshold` of `emails`. */
export function similarAddressGroups(
  emails: string[],
  threshold = SIMILAR_ADDRESS_COUNT,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const email of emails) {
    const key = addressSkeleton(email);
    groups.set(key, [...(groups.get(key) ?? []), email]);
  }
  for (const [key, members] of groups) if (members.length < threshold) groups.delete(key);
  return groups;
}

/**
 * Counts of what invitees did, below this, are shown as "fewer than" on the card: with
 * one or two invitees a number tells what an identified friend did (k-anonymity).
 */
export const SMALL_COUNT_K = 3;

/** The count as the card shows it: 0 and from SMALL_COUNT_K up exactly, null for 1-2. */
export function shownInviteCount(count: number): number | null {
  return count === 0 || count >= SMALL_COUNT_K ? count : null;
}
