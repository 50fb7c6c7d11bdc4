import { Heading, Text } from "@react-email/components";
import { remindersTranslator } from "@/lib/reminders/i18n";
import { EmailLayout } from "./components/email-layout";
import { LinkButton } from "./components/link-button";
import { PREVIEW_FACEBOOK, PREVIEW_PERSON } from "./components/preview-data";
import { styles } from "./components/styles";
import { ObjectionList, ReminderFooter, type ReminderItem } from "./reminder";

export type AfterDeadlineEmailProps = {
  locale: string;
  firstName?: string | null;
  company: string;
  /** The deadline that passed, already formatted for the reader. */
  deadline: string;
  items: ReminderItem[];
  dashboardUrl: string;
  unsubscribeUrl: string;
};

export function afterDeadlineSubject({
  locale,
  company,
}: Pick<AfterDeadlineEmailProps, "locale" | "company">): string {
  return remindersTranslator(locale)("after.subject", { company });
}

/** The one "you can still object" email after the deadline. */
export default function AfterDeadlineEmail(props: AfterDeadlineEmailProps) {
  const { locale, firstName, company, deadline, items } = props;
  const t = remindersTranslator(locale);
  const name = firstName?.trim();
  return (
    <EmailLayout locale={locale} preview={t("after.preview")}>
      <Heading as="h1" style={styles.heading}>
        {afterDeadlineSubject({ locale, company })}
      </Heading>
      <Text style={styles.text}>
        {name ? t("email.greeting", { firstName: name }) : t("email.greetingAnonymous")}
      </Text>
      <Text style={styles.text}>{t("after.intro", { deadline })}</Text>
      <ObjectionList locale={locale} items={items} />
      <LinkButton href={props.dashboardUrl} label={t("email.dashboard")} copyHint={t("email.copyLink")} />
      <ReminderFooter locale={locale} why={t("after.why")} unsubscribeUrl={props.unsubscribeUrl} />
    </EmailLayout>
  );
}

AfterDeadlineEmail.PreviewProps = {
  ...PREVIEW_PERSON,
  items: [PREVIEW_FACEBOOK],
} satisfies AfterDeadlineEmailProps;
