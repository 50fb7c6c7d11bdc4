// The shape of a referral code, without the generator (./referral-code.ts uses
// node:crypto): the pledge form's schema checks it in the browser too.
export const REFERRAL_CODE_PATTERN = /^[A-Za-z0-9_-]{6,16}$/;
