import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

/** Shown once every needed objection is filed: thanks, and an invitation to share. */
export async function FinishedCard({ locale }: { locale: string }) {
  const t = await getTranslations("tracker.finished");
  return (
    <Card as="section" tone="success" variant="filled" padding="lg" aria-labelledby="finished-heading">
      <h2 id="finished-heading" className="text-2xl font-bold text-success-900">
        {t("title")}
      </h2>
      <p className="mt-2 text-success-900">{t("body")}</p>
      <a
        href={`/${locale}/dashboard#invite`}
        className="mt-4 inline-block rounded-md bg-green-800 px-4 py-2 font-semibold text-white hover:bg-green-900"
      >
        {t("invite")}
      </a>
    </Card>
  );
}
