import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ResendLink } from "@/components/resend-link";
import { pageMetadata } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "pledge.checkEmail" });
  return {
    ...pageMetadata({ locale, path: "/pledge/check-email", title: t("title") }),
    robots: { index: false },
  };
}

export default async function PledgeCheckEmailPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("pledge.checkEmail");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <p className="text-ink-muted">{t("spam")}</p>
      <ResendLink locale={locale} from="pledge" />
      <Link href="/" className="inline-block underline">
        {t("back")}
      </Link>
    </div>
  );
}
