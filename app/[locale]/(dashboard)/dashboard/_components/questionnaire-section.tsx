import { getFormatter, getTranslations } from "next-intl/server";
import type { Campaign } from "@/lib/campaign";
import type { QuestionnaireAnswers } from "@/lib/tracker";
import { QuestionnaireForm } from "./questionnaire-form";

/** The questionnaire: open until first answered, then folded under "Change your answers". */
export async function QuestionnaireSection({
  locale,
  campaign,
  answers,
}: {
  locale: string;
  campaign: Campaign;
  answers: QuestionnaireAnswers;
}) {
  const t = await getTranslations("tracker.questionnaire");
  const format = await getFormatter();
  const linkable = campaign.platforms.filter((p) => p.linkGroup).map((p) => p.name);
  const form = (
    <QuestionnaireForm
      locale={locale}
      platforms={campaign.platforms.map((p) => ({
        id: p.id,
        name: p.name,
        maxAccounts: p.maxAccounts,
        linkGroup: p.linkGroup ?? null,
      }))}
      linkablePlatforms={linkable.length >= 2 ? format.list(linkable, { type: "conjunction" }) : ""}
      initial={answers}
    />
  );
  return (
    <section aria-labelledby="questionnaire-heading" className="flex flex-col gap-4">
      <h2 id="questionnaire-heading" className="text-2xl font-bold">
        {answers.isAnswered ? t("title") : t("titleFirst")}
      </h2>
      {answers.isAnswered ? (
        <details className="rounded-md border border-line p-4">
          <summary className="cursor-pointer font-semibold text-accent">{t("change")}</summary>
          <div className="mt-4">{form}</div>
        </details>
      ) : (
        <>
          <p className="text-ink-muted">{t("intro")}</p>
          {form}
        </>
      )}
    </section>
  );
}
