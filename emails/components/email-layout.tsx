import { Body, Container, Head, Html, Preview } from "@react-email/components";
import type { ReactNode } from "react";
import { emailLocale } from "@/lib/mail/i18n";
import { EmailFooter } from "./email-footer";
import { styles } from "./styles";

/** The frame every email shares: language, preview line, card, footer. */
export function EmailLayout({
  locale,
  preview,
  children,
}: {
  locale: string;
  preview: string;
  children: ReactNode;
}) {
  return (
    <Html lang={emailLocale(locale)}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {children}
          <EmailFooter locale={locale} />
        </Container>
      </Body>
    </Html>
  );
}
