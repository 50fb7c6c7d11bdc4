// Builders for the counter keys of the contract in ./counters.ts, so that writers and
// readers spell them the same way.

export const statKey = {
  pledges: "pledges",
  verified: "verified",
  referred: "referred",
  finished: "finished",
  country: (code: string) => `country:${code}`,
  day: (isoDay: string) => `day:${isoDay}`,
  submitted: (platform: string) => `submitted:${platform}`,
  confirmed: (platform: string) => `confirmed:${platform}`,
} as const;

/** The keys of `counters` that start with `prefix:`, mapped to what follows the colon. */
export function countersWithPrefix(
  counters: ReadonlyMap<string, number>,
  prefix: string,
): Map<string, number> {
  const out = new Map<string, number>();
  const start = `${prefix}:`;
  for (const [key, value] of counters) {
    if (key.startsWith(start)) out.set(key.slice(start.length), value);
  }
  return out;
}
