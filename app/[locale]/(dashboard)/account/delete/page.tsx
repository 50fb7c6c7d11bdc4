import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { pageMetadata } from "@/lib/i18n/metadata";
import { DeleteAccountForm } from "../_components/delete-account-form";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "account.confirm" });
  return {
    ...pageMetadata({ locale, path: "/account/delete", title: t("metaTitle") }),
  };
}

const ITEMS = ["account", "pledge", "tracker", "mail"] as const;

/** The confirmation step of "delete my account": what goes, what stays, one last tick. */
export default async function DeleteAccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const t = await getTranslations("account.confirm");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <div>
        <p>{t("erased")}</p>
        <ul className="mt-2 list-disc pl-6">
          {ITEMS.map((item) => (
            <li key={item}>{t(`items.${item}`)}</li>
          ))}
        </ul>
      </div>
      <p>{t("kept")}</p>
      <DeleteAccountForm locale={locale} />
    </div>
  );
}
