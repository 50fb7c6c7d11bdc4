"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { campaign } from "@/lib/campaign";
import { setReminderPreference } from "@/lib/reminders";
import { consentLabelKey } from "@/lib/reminders/consent-wording";
import { consentWordingFor } from "@/lib/reminders/schedule";
import { reminderPreferenceFormValues, reminderPreferenceSchema } from "@/lib/reminders/schema";
import { defineAction } from "./safe-action";

// POST from the dashboard's reminder preferences: on records the consent's time and
// the exact wording shown next to the button; off stops reminders at once.
export const updateReminderPreferences = defineAction(
  {
    name: "update-reminder-preferences",
    schema: reminderPreferenceSchema,
    input: reminderPreferenceFormValues,
    requireUser: true,
  },
  async (input, { user }) => {
    const now = new Date();
    // Nothing is left to send to anyone who consents now: the dashboard offers no "on".
    if (input.enabled && consentWordingFor(campaign(), now) === null)
      return { ok: false, error: "none_left" };
    const t = await getTranslations({ locale: input.locale, namespace: "reminders.preferences" });
    const found = await setReminderPreference(
      user.id,
      campaign().id,
      input.enabled
        ? { isEnabled: true, consentText: t(consentLabelKey(input.consentWording)) }
        : { isEnabled: false },
      now,
    );
    if (!found) return { ok: false, error: "no_pledge" };
    revalidatePath(`/${input.locale}/dashboard`);
    return { ok: true, data: { isEnabled: input.enabled } };
  },
);
