export type { DeadlineState } from "./deadline";
export { campaignDay, deadlineOf, deadlineState, retentionCutoff, splitDuration } from "./deadline";
export { CampaignConfigError, campaign, loadCampaign, parseCampaign } from "./load";
export { localized } from "./localized";
export type { Campaign, LocalizedText, Platform } from "./schema";
