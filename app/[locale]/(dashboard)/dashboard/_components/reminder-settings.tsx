import { getTranslations } from "next-intl/server";
import { campaign, deadlineOf } from "@/lib/campaign";
import { reminderPreferenceOf } from "@/lib/reminders";
import { consentWordingFor } from "@/lib/reminders/schedule";
import { CalendarLink } from "./calendar-link";
import { EmailPreferencesForm } from "./email-preferences-form";

/**
 * The dashboard card for reminders: on/off (with the consent's wording) and the
 * deadline as a calendar file, from the person's own pledge (read by the page) and
 * whether their address is suppressed.
 */
export async function ReminderSettings({
  locale,
  pledge,
  email,
}: {
  locale: string;
  pledge: { remindersConsent: boolean; unsubscribedAt: Date | null };
  email: string;
}) {
  const [t, preference] = await Promise.all([
    getTranslations({ locale, namespace: "reminders.preferences" }),
    reminderPreferenceOf(pledge, email),
  ]);
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
          wording={consentWordingFor(campaign(), new Date())}
        />
      )}
      {/* A calendar entry for a date already past helps nobody. */}
      {deadlineOf(campaign()).getTime() > Date.now() && <CalendarLink locale={locale} />}
    </section>
  );
}
