import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PledgeForm } from "@/components/pledge-form";
import { AlreadyPledged } from "@/components/signed-in-hint";
import { campaign } from "@/lib/campaign";
import { pageMetadata } from "@/lib/i18n/metadata";
import { pledgeFormChoices } from "@/lib/pledges/form-choices";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "pledge" });
  const tMeta = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/pledge",
    title: t("title"),
    description: tMeta("descriptions.pledge", { company: campaign().company }),
  });
}

export default async function PledgePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("pledge");
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-ink-muted">{t("intro")}</p>
      <AlreadyPledged />
      <PledgeForm locale={locale} {...pledgeFormChoices(locale)} />
    </div>
  );
}
