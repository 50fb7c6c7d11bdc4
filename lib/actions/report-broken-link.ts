"use server";

import { revalidatePath } from "next/cache";
import { campaign } from "@/lib/campaign";
import { reportBrokenLink as report } from "@/lib/tracker";
import { reportLinkFormValues, reportLinkSchema } from "@/lib/tracker/schema";
import { defineAction } from "./safe-action";

// POST from "this link seems broken" under a platform's guide: stores a report the
// organiser sees with `npm run link-reports`.
export const reportBrokenLink = defineAction(
  {
    name: "report-broken-link",
    schema: reportLinkSchema,
    input: reportLinkFormValues,
    requireUser: true,
  },
  async (input, { user }) => {
    const result = await report(user.id, input.platform, { campaign: campaign() });
    if (result.ok) revalidatePath(`/${input.locale}/dashboard`);
    return result;
  },
);
