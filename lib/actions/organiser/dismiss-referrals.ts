"use server";

import { dismissFlaggedReferrals } from "@/lib/referrals/fraud";
import { defineOrganiserAction } from "../safe-action";
import { referrerFormSchema } from "./schema";

// POST "Dismiss": the flags stand (the invitees still do not count); off the review list.
export const dismissReferralsAction = defineOrganiserAction(
  {
    name: "dismiss-referrals",
    schema: referrerFormSchema,
    input: (form) => ({ referrer: form.get("referrer") }),
    target: (data) => data.referrer,
  },
  async ({ referrer }) => ({
    ok: true,
    data: { dismissed: await dismissFlaggedReferrals(referrer, new Date()) },
  }),
);
