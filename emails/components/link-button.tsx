import { Button, Link, Section, Text } from "@react-email/components";
import { styles } from "./styles";

/** A call to action as a button, then the same link as text for clients that break buttons. */
export function LinkButton({ href, label, copyHint }: { href: string; label: string; copyHint: string }) {
  return (
    <>
      <Section style={styles.buttonSection}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.muted}>{copyHint}</Text>
      <Text style={styles.muted}>
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}
