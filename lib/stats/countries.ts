// The countries the stats always list (EU member states, then the other EEA states),
// plus "ZZ" for people outside them. Listing every one, even at zero, means the page
// never reveals that a small country has at least one pledge.
export const EEA_COUNTRIES = [
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
] as const;

/** Pledges from outside the EU/EEA. */
export const OUTSIDE_COUNTRY = "ZZ";
