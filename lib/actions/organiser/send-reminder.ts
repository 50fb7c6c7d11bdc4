"use server";

import { revalidatePath } from "next/cache";
import { campaign } from "@/lib/campaign";
import { startReminderRun } from "@/lib/organiser/start-reminder-run";
import { defineOrganiserAction } from "../safe-action";
import { sendReminderSchema } from "./schema";

// POST "Send now": starts a run of the due reminder (lib/organiser/start-reminder-run.ts).
export const sendReminderAction = defineOrganiserAction(
  {
    name: "send-reminder",
    schema: sendReminderSchema,
    input: (form) => ({ asOf: form.get("asOf") }),
    target: (data) => data.asOf ?? null,
  },
  async ({ asOf }) => {
    const started = await startReminderRun(campaign(), asOf ? new Date(`${asOf}Z`) : null);
    if (!started) return { ok: false, error: "nothing_due" };
    revalidatePath("/[locale]/organiser/reminders", "page");
    return { ok: true, data: started };
  },
);
