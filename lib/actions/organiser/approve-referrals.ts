"use server";

import { approveFlaggedReferrals } from "@/lib/referrals/fraud";
import { defineOrganiserAction } from "../safe-action";
import { referrerFormSchema } from "./schema";

// POST "Approve": the flagged invitees of a referrer are genuine and count again.
export const approveReferralsAction = defineOrganiserAction(
  {
    name: "approve-referrals",
    schema: referrerFormSchema,
    input: (form) => ({ referrer: form.get("referrer") }),
    target: (data) => data.referrer,
  },
  async ({ referrer }) => ({ ok: true, data: { cleared: await approveFlaggedReferrals(referrer) } }),
);
