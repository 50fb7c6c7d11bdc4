import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { campaign } from "@/lib/campaign";
import { describeDone } from "@/lib/reminders";
import type { TokenPageProps } from "../_components/token-page";
import { ConfirmByToken, readTokenPage, tokenPageMetadata } from "../_components/token-page";
import { DoneForm } from "./_components/done-form";

// "I've filed it" from a reminder: GET shows what would be recorded, the button records.
export async function generateMetadata({ params }: Pick<TokenPageProps, "params">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reminders.done" });
  return tokenPageMetadata({ locale, path: "/done", title: t("title") });
}
export const dynamic = "force-dynamic";

export default async function DonePage(props: TokenPageProps) {
  const { locale, token } = await readTokenPage(props);
  const t = await getTranslations("reminders.done");
  const target = token ? await describeDone(token, campaign(), new Date()) : null;

  return (
    <ConfirmByToken
      check={target}
      title={t("title")}
      invalidTitle={t("invalidTitle")}
      invalidHelp={
        <a href={`/${locale}/dashboard`} className="font-semibold text-accent underline underline-offset-4">
          {t("dashboard")}
        </a>
      }
    >
      {target?.ok && (
        <>
          <p>
            {t("question", { platform: target.data.platformName, count: Math.max(1, target.data.accounts) })}
          </p>
          <DoneForm token={token} locale={locale} platformName={target.data.platformName} />
        </>
      )}
    </ConfirmByToken>
  );
}
