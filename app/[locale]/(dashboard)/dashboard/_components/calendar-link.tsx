import { useTranslations } from "next-intl";

/** A link to the deadline as an .ics file (public, the same for everyone). */
export function CalendarLink({ locale }: { locale: string }) {
  const t = useTranslations("reminders.calendar");
  return (
    <p className="flex flex-col gap-1">
      <a
        href={`/api/calendar?locale=${locale}`}
        download
        className="font-semibold text-accent underline underline-offset-4 hover:text-accent-strong"
      >
        {t("link")}
      </a>
      <span className="text-sm text-ink-subtle">{t("hint")}</span>
    </p>
  );
}
