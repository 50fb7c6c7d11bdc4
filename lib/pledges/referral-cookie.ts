// First-party cookie remembering who invited this visitor (30 days). Holds only the
// referrer's public code.
export const REFERRAL_COOKIE = "ref";
export const REFERRAL_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;

/** How /r/CODE and ?ref=CODE set it: out of scripts' reach, sent on top-level visits. */
export function referralCookieOptions({ secure }: { secure: boolean }) {
  return { maxAge: REFERRAL_COOKIE_MAX_AGE, httpOnly: true, sameSite: "lax", secure, path: "/" } as const;
}
