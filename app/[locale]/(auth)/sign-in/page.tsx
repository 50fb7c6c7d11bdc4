import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pageMetadata } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth.signIn" });
  const tMeta = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/sign-in",
    title: t("title"),
    description: tMeta("descriptions.signIn"),
  });
}

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth.signIn");
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-ink-muted">{t("intro")}</p>
      <SignInForm locale={locale} />
      <p className="mt-8">
        {t("notPledged")}{" "}
        <Link href="/pledge" className="underline">
          {t("pledgeLink")}
        </Link>
      </p>
    </div>
  );
}
