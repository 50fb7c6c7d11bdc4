import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
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
        className={buttonClass({ variant: "success", className: "mt-4" })}
      >
        {t("invite")}
      </a>
    </Card>
  );
}
