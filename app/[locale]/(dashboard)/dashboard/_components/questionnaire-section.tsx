import { getFormatter, getTranslations } from "next-intl/server";
import { Disclosure } from "@/components/ui/disclosure";
import type { Campaign } from "@/lib/campaign";
import type { QuestionnaireAnswers } from "@/lib/tracker";
import { QuestionnaireForm } from "./questionnaire-form";

/**
 * The questionnaire. The checklist starts from the pledge's answers (one account per
 * platform), so this is folded away under "More than one account?"; it is open only
 * when there is no checklist to show yet.
 */
export async function QuestionnaireSection({
  locale,
  campaign,
  answers,
  summary,
}: {
  locale: string;
  campaign: Campaign;
  answers: QuestionnaireAnswers;
  /** What the pledge said, e.g. "You pledged to object on Facebook and Instagram." */
  summary: string;
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
        accountIdentifier: p.accountIdentifier,
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
        <Disclosure summary={t("moreAccounts")}>
          <p className="text-ink-muted">{summary}</p>
          <p className="mt-2 text-ink-muted">{t("moreAccountsHint")}</p>
          <div className="mt-4">{form}</div>
        </Disclosure>
      ) : (
        <>
          <p className="text-ink-muted">{t("intro")}</p>
          {form}
        </>
      )}
    </section>
  );
}
