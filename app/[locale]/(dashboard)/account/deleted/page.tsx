import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pageMetadata } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "account.deleted" });
  return {
    ...pageMetadata({ locale, path: "/account/deleted", title: t("metaTitle") }),
  };
}

/** Shown after "delete my account": there is no account any more, so no sign-in needed. */
export default async function AccountDeletedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("account.deleted");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p role="status">{t("body")}</p>
      <Link href="/" className="self-start underline">
        {t("home")}
      </Link>
    </div>
  );
}
