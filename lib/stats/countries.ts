import { COUNTRY_CODES } from "@/lib/pledges/rules";

// The countries the stats always list (EU member states, then the other EEA states),
// plus "ZZ" for people outside them: the pledge form's list. Listing every one, even
// at zero, means the page never reveals that a small country has at least one pledge.

/** Pledges from outside the EU/EEA. */
export const OUTSIDE_COUNTRY = "ZZ";

export const EEA_COUNTRIES = COUNTRY_CODES.filter(
  (code): code is Exclude<(typeof COUNTRY_CODES)[number], "ZZ"> => code !== OUTSIDE_COUNTRY,
);
