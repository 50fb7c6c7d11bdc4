import { Heading, Text } from "@react-email/components";
import { emailTranslator } from "@/lib/mail/i18n";
import { EmailLayout } from "./components/email-layout";
import { LinkButton } from "./components/link-button";
import { styles } from "./components/styles";

export type ConfirmPledgeEmailProps = {
  /** The confirm link (single use, valid for 24 hours): it confirms the pledge and signs the person in. */
  url: string;
  /** The campaign's name in the person's language: the email speaks in it, not in a host name. */
  campaignName: string;
  firstName?: string | null;
  locale: string;
};

export function confirmPledgeSubject({
  campaignName,
  locale,
}: Pick<ConfirmPledgeEmailProps, "campaignName" | "locale">): string {
  return emailTranslator(locale)("confirmPledge.subject", { campaign: campaignName });
}

/** The double opt-in of a new pledge: the first email a person gets, with one button. */
export default function ConfirmPledgeEmail({
  url,
  campaignName,
  firstName,
  locale,
}: ConfirmPledgeEmailProps) {
  const t = emailTranslator(locale);
  const name = firstName?.trim();
  return (
    <EmailLayout locale={locale} preview={t("confirmPledge.preview")}>
      <Text style={styles.eyebrow}>{campaignName}</Text>
      <Heading as="h1" style={styles.heading}>
        {t("confirmPledge.heading")}
      </Heading>
      <Text style={styles.text}>
        {name ? t("confirmPledge.greeting", { firstName: name }) : t("confirmPledge.greetingAnonymous")}
      </Text>
      <Text style={styles.text}>{t("confirmPledge.intro")}</Text>
      <LinkButton href={url} label={t("confirmPledge.button")} copyHint={t("confirmPledge.copyLink")} />
      <Text style={styles.muted}>{t("confirmPledge.expiry")}</Text>
      <Text style={styles.muted}>{t("confirmPledge.ignore")}</Text>
    </EmailLayout>
  );
}

ConfirmPledgeEmail.PreviewProps = {
  url: "http://localhost:3000/en/sign-in/confirm?token=preview-token&email=ada%40example.org&purpose=pledge",
  campaignName: "Say no to Meta AI training",
  firstName: "Ada",
  locale: "en",
} satisfies ConfirmPledgeEmailProps;
