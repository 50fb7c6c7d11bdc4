import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createTranslator } from "next-intl";
import { Fragment } from "react";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { listLocalEmails } from "@/lib/mail";
import type enEmails from "@/messages/en/emails.json";

// GET /dev/mailbox - development only: the emails kept locally when no Resend API
// key is set, so a developer can click their sign-in link.

export const dynamic = "force-dynamic";

function translator() {
  return createTranslator({
    locale: DEFAULT_LOCALE,
    messages: loadMessages(DEFAULT_LOCALE) as typeof enEmails,
    namespace: "emails.mailbox",
  });
}

export function generateMetadata(): Metadata {
  return { title: translator()("title") };
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its http(s) links made clickable. */
function LinkifiedText({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never move
      <a key={index} href={part} className="break-all text-accent underline">
        {part}
      </a>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never move
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

export default async function MailboxPage() {
  if (env().NODE_ENV === "production") notFound();
  const t = translator();
  const emails = await listLocalEmails({ limit: 50 });
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-ink-muted">{t("intro", { count: emails.length })}</p>
      {emails.length === 0 ? (
        <p className="mt-6 text-ink-muted">{t("empty")}</p>
      ) : (
        <ol className="mt-6 flex flex-col gap-6">
          {emails.map((email) => (
            <Card as="li" key={email.id}>
              <h2 className="text-lg font-semibold">{email.subject}</h2>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-sm text-ink-muted">
                <dt className="font-medium">{t("to")}</dt>
                <dd>{email.to}</dd>
                <dt className="font-medium">{t("sentAt")}</dt>
                <dd>
                  <time dateTime={(email.sentAt ?? email.createdAt).toISOString()}>
                    {(email.sentAt ?? email.createdAt).toLocaleString("en-GB", {
                      timeZone: "UTC",
                      timeZoneName: "short",
                    })}
                  </time>
                </dd>
                <dt className="font-medium">{t("kind")}</dt>
                <dd>{email.kind}</dd>
              </dl>
              <pre className="mt-4 whitespace-pre-wrap break-words font-sans text-sm">
                {email.text ? <LinkifiedText text={email.text} /> : t("noText")}
              </pre>
            </Card>
          ))}
        </ol>
      )}
    </main>
  );
}
