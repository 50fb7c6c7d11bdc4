import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { checkUnsubscribeToken } from "@/lib/reminders";
import type { TokenPageProps } from "../_components/token-page";
import { ConfirmByToken, readTokenPage, tokenPageMetadata } from "../_components/token-page";
import { UnsubscribeForm } from "./_components/unsubscribe-form";

// The visible unsubscribe page the reminders' footer links to: GET shows the button,
// the button unsubscribes. One-click unsubscribe from mail clients goes to POST
// /api/unsubscribe instead.
export async function generateMetadata({ params }: Pick<TokenPageProps, "params">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reminders.unsubscribe" });
  return tokenPageMetadata({ locale, path: "/unsubscribe", title: t("title") });
}
export const dynamic = "force-dynamic";

export default async function UnsubscribePage(props: TokenPageProps) {
  const { locale, token } = await readTokenPage(props);
  const t = await getTranslations("reminders.unsubscribe");
  const check = token ? checkUnsubscribeToken(token, new Date()) : null;

  return (
    <ConfirmByToken check={check} title={t("title")} invalidTitle={t("invalidTitle")}>
      <p>{t("body")}</p>
      <UnsubscribeForm token={token} locale={locale} />
    </ConfirmByToken>
  );
}
