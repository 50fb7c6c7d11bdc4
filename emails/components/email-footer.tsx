import { Hr, Link, Text } from "@react-email/components";
import { campaign } from "@/lib/campaign";
import { emailTranslator } from "@/lib/mail/i18n";
import { styles } from "./styles";

export function EmailFooter({ locale }: { locale: string }) {
  const t = emailTranslator(locale);
  const { organiser } = campaign();
  return (
    <>
      <Hr style={styles.hr} />
      <Text style={styles.footer}>{t("layout.organisedBy", { organiser: organiser.name })}</Text>
      <Text style={styles.footer}>
        {t.rich("layout.contact", {
          email: organiser.email,
          link: (chunks) => (
            <Link href={`mailto:${organiser.email}`} style={styles.footer}>
              {chunks}
            </Link>
          ),
        })}
      </Text>
      <Text style={styles.footer}>{t("layout.automated")}</Text>
    </>
  );
}
