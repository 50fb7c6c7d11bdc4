import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DoneForm } from "@/components/reminders/done-form";
import { campaign } from "@/lib/campaign";
import { pageMetadata } from "@/lib/i18n/metadata";
import { describeDone } from "@/lib/reminders";

// "I've filed it" from a reminder. GET only shows what would be recorded (mail
// scanners open links); the button POSTs and records.
export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reminders.done" });
  return {
    ...pageMetadata({ locale, path: "/done", title: t("title") }),
    robots: { index: false },
    referrer: "no-referrer",
  };
}
export const dynamic = "force-dynamic";

export default async function DonePage({
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
    getTranslations("reminders.done"),
    getTranslations("reminders.errors"),
  ]);
  const target = token ? await describeDone(token, campaign(), new Date()) : null;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      {target?.ok ? (
        <>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p>
            {t("question", { platform: target.data.platformName, count: Math.max(1, target.data.accounts) })}
          </p>
          <DoneForm token={token} locale={locale} platformName={target.data.platformName} />
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold">{t("invalidTitle")}</h1>
          <p>{tErrors(target?.ok === false && tErrors.has(target.error) ? target.error : "token_invalid")}</p>
          <a
            href={`/${locale}/dashboard`}
            className="font-semibold text-brand-700 underline underline-offset-4"
          >
            {t("dashboard")}
          </a>
        </>
      )}
    </div>
  );
}
