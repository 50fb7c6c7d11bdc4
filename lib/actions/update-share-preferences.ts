"use server";

import { revalidatePath } from "next/cache";
import { setShowFirstNameOnShare } from "@/lib/referrals";
import { sharePreferencesFormValues, sharePreferencesSchema } from "@/lib/referrals/schema";
import { defineAction } from "./safe-action";

// POST from the invite card: whether link previews may show the person's first name.
export const updateSharePreferences = defineAction(
  {
    name: "update-share-preferences",
    schema: sharePreferencesSchema,
    input: sharePreferencesFormValues,
    requireUser: true,
  },
  async (input, { user }) => {
    if (!(await setShowFirstNameOnShare(user.id, input.showFirstName)))
      return { ok: false, error: "no_pledge" };
    revalidatePath(`/${input.locale}/dashboard`);
    return { ok: true, data: { showFirstName: input.showFirstName } };
  },
);
