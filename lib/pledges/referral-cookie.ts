// First-party cookie remembering who invited this visitor (30 days). Holds only the
// referrer's public code.
export const REFERRAL_COOKIE = "ref";
export const REFERRAL_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;
