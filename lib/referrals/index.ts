// The referral domain's public surface for pages and actions (server only). Pure
// rules and share URLs are importable on their own from ./rules and ./share.
export { getReferralCard, type ReferralCard, type ReferrerPledge } from "./card";
export { getLeaderboard, LEADERBOARD_SIZE, type LeaderboardEntry } from "./leaderboard";
export { joinLeaderboard, leaveLeaderboard, setShowFirstNameOnShare } from "./preferences";
export { getReferralPreview, type ReferralPreview } from "./preview";
export { qrCodeSvg } from "./qr";
export { recordReferralVisit } from "./visits";
