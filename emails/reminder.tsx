import { Heading, Hr, Link, Section, Text } from "@react-email/components";
import { remindersTranslator } from "@/lib/reminders/i18n";
import { EmailLayout } from "./components/email-layout";
import { LinkButton } from "./components/link-button";
import { PREVIEW_FACEBOOK, PREVIEW_PERSON } from "./components/preview-data";
import { styles } from "./components/styles";

export type ReminderItem = {
  platformId: string;
  platformName: string;
  /** Objections still to file on this platform (one per account). */
  accounts: number;
  formUrl: string;
  /** Signed "I've filed it" link for this platform. */
  doneUrl: string;
};

export type ReminderEmailProps = {
  locale: string;
  firstName?: string | null;
  company: string;
  /** Days left (0: the last day). */
  daysBefore: number;
  /** The deadline, already formatted for the reader. */
  deadline: string;
  items: ReminderItem[];
  /** Reminders of the cadence still to come after this one. */
  remaining: number;
  dashboardUrl: string;
  unsubscribeUrl: string;
};

export function reminderSubject({
  locale,
  company,
  daysBefore,
}: Pick<ReminderEmailProps, "locale" | "company" | "daysBefore">): string {
  const t = remindersTranslator(locale);
  return daysBefore === 0
    ? t("email.subjectLastDay", { company })
    : t("email.subjectDays", { company, days: daysBefore });
}

export function totalObjections(items: readonly ReminderItem[]): number {
  return items.reduce((sum, item) => sum + item.accounts, 0);
}

/** The person's open objections: each with its official form and its "I've filed it" link. */
export function ObjectionList({ locale, items }: { locale: string; items: ReminderItem[] }) {
  const t = remindersTranslator(locale);
  return (
    <>
      {items.map((item) => (
        <Section key={item.platformId} style={{ margin: "0 0 20px" }}>
          <Text style={{ ...styles.text, fontWeight: 700, margin: "0 0 8px" }}>
            {t("email.item", { platform: item.platformName, count: item.accounts })}
          </Text>
          <Text style={{ ...styles.text, margin: "0 0 4px" }}>
            <Link href={item.formUrl} style={styles.link}>
              {t("email.openForm", { platform: item.platformName })}
            </Link>
          </Text>
          <Text style={{ ...styles.text, margin: 0 }}>
            <Link href={item.doneUrl} style={styles.link}>
              {t("email.done", { platform: item.platformName })}
            </Link>
          </Text>
        </Section>
      ))}
      <Text style={styles.muted}>{t("email.doneHint")}</Text>
    </>
  );
}

/** Why the person gets this email and the visible unsubscribe link (besides List-Unsubscribe). */
export function ReminderFooter({
  why,
  unsubscribeUrl,
  locale,
}: {
  why: string;
  unsubscribeUrl: string;
  locale: string;
}) {
  const t = remindersTranslator(locale);
  return (
    <>
      <Hr style={styles.hr} />
      <Text style={styles.footer}>{why}</Text>
      <Text style={styles.footer}>
        <Link href={unsubscribeUrl} style={styles.footer}>
          {t("email.unsubscribe")}
        </Link>
      </Text>
    </>
  );
}

export default function ReminderEmail(props: ReminderEmailProps) {
  const { locale, firstName, company, daysBefore, deadline, items, remaining } = props;
  const t = remindersTranslator(locale);
  const name = firstName?.trim();
  const subject = reminderSubject({ locale, company, daysBefore });
  return (
    <EmailLayout locale={locale} preview={t("email.preview", { count: totalObjections(items), deadline })}>
      <Heading as="h1" style={styles.heading}>
        {subject}
      </Heading>
      <Text style={styles.text}>
        {name ? t("email.greeting", { firstName: name }) : t("email.greetingAnonymous")}
      </Text>
      <Text style={styles.text}>
        {daysBefore === 0
          ? t("email.introLastDay", { deadline })
          : t("email.introDays", { deadline, days: daysBefore })}
      </Text>
      <ObjectionList locale={locale} items={items} />
      <LinkButton href={props.dashboardUrl} label={t("email.dashboard")} copyHint={t("email.copyLink")} />
      <ReminderFooter
        locale={locale}
        why={t("email.why", { count: remaining })}
        unsubscribeUrl={props.unsubscribeUrl}
      />
    </EmailLayout>
  );
}

ReminderEmail.PreviewProps = {
  ...PREVIEW_PERSON,
  daysBefore: 7,
  items: [
    PREVIEW_FACEBOOK,
    {
      platformId: "instagram",
      platformName: "Instagram",
      accounts: 2,
      formUrl: "https://help.instagram.com/contact/767264225370182",
      doneUrl: "http://localhost:3000/en/done?t=preview",
    },
  ],
  remaining: 3,
} satisfies ReminderEmailProps;
