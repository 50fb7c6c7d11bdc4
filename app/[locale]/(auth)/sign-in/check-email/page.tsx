import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ResendLink } from "@/components/resend-link";
import { pageMetadata } from "@/lib/i18n/metadata";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth.checkEmail" });
  return {
    ...pageMetadata({ locale, path: "/sign-in/check-email", title: t("title") }),
  };
}

export default async function SignInCheckEmailPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth.checkEmail");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <ResendLink locale={locale} from="sign-in" />
    </div>
  );
}
