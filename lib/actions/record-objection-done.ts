"use server";

import { campaign } from "@/lib/campaign";
import { recordDone } from "@/lib/reminders";
import { tokenFormSchema, tokenFormValues } from "@/lib/reminders/schema";
import { defineAction } from "./safe-action";

// POST from the "I've filed it" page a reminder links to: no sign-in, the signed
// token names the person and the platform. GET only shows the page.
export const recordObjectionDone = defineAction(
  { name: "record-objection-done", schema: tokenFormSchema, input: tokenFormValues, requireUser: false },
  async (input) => {
    const result = await recordDone(input.token, campaign(), new Date());
    return result.ok
      ? { ok: true, data: { platformName: result.data.platformName, changed: result.data.changed } }
      : { ok: false, error: result.error };
  },
);
