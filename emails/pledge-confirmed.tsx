import { Heading, Text } from "@react-email/components";
import { emailTranslator } from "@/lib/mail/i18n";
import { EmailLayout } from "./components/email-layout";
import { LinkButton } from "./components/link-button";
import { styles } from "./components/styles";

export type PledgeConfirmedEmailProps = {
  firstName?: string | null;
  /** Where the person continues: their dashboard (they are asked to sign in if needed). */
  dashboardUrl: string;
  locale: string;
};

export function pledgeConfirmedSubject({ locale }: Pick<PledgeConfirmedEmailProps, "locale">): string {
  return emailTranslator(locale)("pledgeConfirmed.subject");
}

export default function PledgeConfirmedEmail({ firstName, dashboardUrl, locale }: PledgeConfirmedEmailProps) {
  const t = emailTranslator(locale);
  const name = firstName?.trim();
  return (
    <EmailLayout locale={locale} preview={t("pledgeConfirmed.preview")}>
      <Heading as="h1" style={styles.heading}>
        {t("pledgeConfirmed.subject")}
      </Heading>
      <Text style={styles.text}>
        {name ? t("pledgeConfirmed.greeting", { firstName: name }) : t("pledgeConfirmed.greetingAnonymous")}
      </Text>
      <Text style={styles.text}>{t("pledgeConfirmed.thanks")}</Text>
      <Text style={styles.text}>{t("pledgeConfirmed.nextStep")}</Text>
      <LinkButton
        href={dashboardUrl}
        label={t("pledgeConfirmed.button")}
        copyHint={t("pledgeConfirmed.copyLink")}
      />
    </EmailLayout>
  );
}

PledgeConfirmedEmail.PreviewProps = {
  firstName: "Ada",
  dashboardUrl: "http://localhost:3000/en/dashboard",
  locale: "en",
} satisfies PledgeConfirmedEmailProps;
