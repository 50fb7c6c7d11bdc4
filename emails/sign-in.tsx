import { Heading, Text } from "@react-email/components";
import { emailTranslator } from "@/lib/mail/i18n";
import { EmailLayout } from "./components/email-layout";
import { LinkButton } from "./components/link-button";
import { styles } from "./components/styles";

export type SignInEmailProps = {
  /** The magic link (single use, valid for 24 hours). */
  url: string;
  /** The site's host name, shown so people can tell a real link from a phishing one. */
  host: string;
  locale: string;
};

export function signInSubject({ host, locale }: Pick<SignInEmailProps, "host" | "locale">): string {
  return emailTranslator(locale)("signIn.subject", { host });
}

export default function SignInEmail({ url, host, locale }: SignInEmailProps) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout locale={locale} preview={t("signIn.preview", { host })}>
      <Heading as="h1" style={styles.heading}>
        {t("signIn.heading", { host })}
      </Heading>
      <Text style={styles.text}>{t("signIn.intro")}</Text>
      <LinkButton href={url} label={t("signIn.button")} copyHint={t("signIn.copyLink")} />
      <Text style={styles.text}>{t("signIn.ignore")}</Text>
    </EmailLayout>
  );
}

SignInEmail.PreviewProps = {
  url: "http://localhost:3000/en/sign-in/confirm?token=preview-token&email=ada%40example.org",
  host: "localhost:3000",
  locale: "en",
} satisfies SignInEmailProps;
