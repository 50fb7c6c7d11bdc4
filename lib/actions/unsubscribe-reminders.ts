"use server";

import { unsubscribeByToken } from "@/lib/reminders";
import { tokenFormSchema, tokenFormValues } from "@/lib/reminders/schema";
import { defineAction } from "./safe-action";

// POST from the visible unsubscribe page (the email's footer link): no sign-in, the
// signed token names the person. GET only shows the confirm button.
export const unsubscribeReminders = defineAction(
  { name: "unsubscribe-reminders", schema: tokenFormSchema, input: tokenFormValues, requireUser: false },
  async (input) => {
    const result = await unsubscribeByToken(input.token, new Date());
    return result.ok ? { ok: true, data: null } : { ok: false, error: result.error };
  },
);
