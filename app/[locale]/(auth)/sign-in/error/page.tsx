import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { pageMetadata } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";

// Auth.js sends failed sign-ins here (?error=Verification for a used, expired or forged link).
export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth.error" });
  return pageMetadata({ locale, path: "/sign-in/error", title: t("title") });
}

export default async function SignInErrorPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth.error");
  const { error } = await searchParams;
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3">{error === "Verification" ? t("verification") : t("other")}</p>
      <Link href="/sign-in" className={buttonClass({ size: "lg", className: "mt-6" })}>
        {t("requestNew")}
      </Link>
    </div>
  );
}
