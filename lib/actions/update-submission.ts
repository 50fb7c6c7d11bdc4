"use server";

import { revalidatePath } from "next/cache";
import { campaign } from "@/lib/campaign";
import { updateSubmissionStatus } from "@/lib/tracker";
import { updateSubmissionFormValues, updateSubmissionSchema } from "@/lib/tracker/schema";
import { defineAction } from "./safe-action";

// POST from an account card of the tracker: submitted / confirmed / "I don't use
// this" / undo, on one of the signed-in person's own accounts.
export const updateSubmission = defineAction(
  {
    name: "update-submission",
    schema: updateSubmissionSchema,
    input: updateSubmissionFormValues,
    requireUser: true,
  },
  async ({ locale, ...change }, { user }) => {
    const result = await updateSubmissionStatus(user.id, change, { campaign: campaign(), now: new Date() });
    if (result.ok) revalidatePath(`/${locale}/dashboard`);
    return result.ok ? { ok: true, data: { status: result.data.status } } : result;
  },
);
