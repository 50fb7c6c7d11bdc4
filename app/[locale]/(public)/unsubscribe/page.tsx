import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { UnsubscribeForm } from "@/components/reminders/unsubscribe-form";
import { pageMetadata } from "@/lib/i18n/metadata";
import { checkUnsubscribeToken } from "@/lib/reminders";

// The visible unsubscribe page the reminders' footer links to. GET only shows the
// confirm button (mail scanners open links); the button POSTs and unsubscribes.
// One-click unsubscribe from mail clients goes to POST /api/unsubscribe instead.
export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reminders.unsubscribe" });
  return {
    ...pageMetadata({ locale, path: "/unsubscribe", title: t("title") }),
    robots: { index: false },
    referrer: "no-referrer",
  };
}
export const dynamic = "force-dynamic";

export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ t?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { t: raw } = await searchParams;
  const token = typeof raw === "string" ? raw : "";
  const [t, tErrors] = await Promise.all([
    getTranslations("reminders.unsubscribe"),
    getTranslations("reminders.errors"),
  ]);
  const check = token ? checkUnsubscribeToken(token, new Date()) : null;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      {check?.ok ? (
        <>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p>{t("body")}</p>
          <UnsubscribeForm token={token} locale={locale} />
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold">{t("invalidTitle")}</h1>
          <p>{tErrors(check?.ok === false ? check.error : "token_invalid")}</p>
        </>
      )}
    </div>
  );
}
