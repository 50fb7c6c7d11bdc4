import { getTranslations } from "next-intl/server";
import { campaign, deadlineOf } from "@/lib/campaign";
import { getReminderPreference } from "@/lib/reminders";
import { CalendarLink } from "./calendar-link";
import { EmailPreferencesForm } from "./email-preferences-form";

/**
 * The dashboard card for reminders: on/off (with the consent's wording) and the
 * deadline as a calendar file. Reads the person's own setting by their user id.
 */
export async function ReminderSettings({ locale, userId }: { locale: string; userId: string }) {
  const [t, preference] = await Promise.all([
    getTranslations({ locale, namespace: "reminders.preferences" }),
    getReminderPreference(userId, campaign().id),
  ]);
  if (!preference) return null;
  return (
    <section aria-labelledby="reminders-heading" className="flex flex-col gap-4">
      <h2 id="reminders-heading" className="text-2xl font-bold">
        {t("title")}
      </h2>
      {preference.isSuppressed ? (
        <p>{t("suppressed")}</p>
      ) : (
        <EmailPreferencesForm
          locale={locale}
          isEnabled={preference.isEnabled}
          isAfterDeadline={deadlineOf(campaign()).getTime() <= Date.now()}
        />
      )}
      {/* A calendar entry for a date already past helps nobody. */}
      {deadlineOf(campaign()).getTime() > Date.now() && <CalendarLink locale={locale} />}
    </section>
  );
}
