"use server";

import { revalidatePath } from "next/cache";
import { campaign } from "@/lib/campaign";
import { saveQuestionnaire as save } from "@/lib/tracker";
import { questionnaireFormValues, questionnaireSchema } from "@/lib/tracker/schema";
import { defineAction } from "./safe-action";

// POST from the tracker questionnaire: which platforms, how many accounts, linked or
// not. Reshapes the signed-in person's own checklist.
export const saveQuestionnaire = defineAction(
  {
    name: "save-questionnaire",
    schema: () => questionnaireSchema(campaign().platforms),
    input: questionnaireFormValues,
    requireUser: true,
  },
  async (input, { user }) => {
    const result = await save(user.id, input, { campaign: campaign(), now: new Date() });
    if (result.ok) revalidatePath(`/${input.locale}/dashboard`);
    return result.ok ? { ok: true, data: { needed: result.data.progress.needed } } : result;
  },
);
