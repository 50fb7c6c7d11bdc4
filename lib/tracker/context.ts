import type { Campaign } from "@/lib/campaign";

/** What every tracker operation runs against: the running campaign and the clock. */
export type TrackerContext = { campaign: Campaign; now: Date };
