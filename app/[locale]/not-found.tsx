import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { notFoundMetadata } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

// For a notFound() thrown by a page's generateMetadata (lib/i18n/metadata.ts says why
// the other cases set the same head themselves).
export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale?: string }>;
}): Promise<Metadata> {
  const requested = (await params)?.locale;
  return notFoundMetadata(hasLocale(routing.locales, requested) ? requested : routing.defaultLocale);
}

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block underline">
        {t("backHome")}
      </Link>
    </div>
  );
}
