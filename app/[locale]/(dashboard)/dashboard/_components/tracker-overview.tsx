import { getFormatter, getTranslations } from "next-intl/server";
import { Countdown } from "@/components/countdown";
import type { Campaign } from "@/lib/campaign";
import type { Tracker } from "@/lib/tracker";

/** What is left and how long is left (the progress bar heads the checklist). */
export async function TrackerOverview({
  tracker,
  campaign,
  now,
}: {
  tracker: Tracker;
  campaign: Campaign;
  now: Date;
}) {
  const t = await getTranslations("tracker");
  const format = await getFormatter();
  const { guidance, deadline } = tracker;
  const deadlineLabel = format.dateTime(deadline.deadline, {
    dateStyle: "long",
    timeZone: campaign.deadline.timeZone,
  });
  const sentence =
    guidance.key === "before"
      ? t("guidance.before", { left: guidance.left, days: guidance.days })
      : guidance.key === "after"
        ? t("guidance.after", { left: guidance.left })
        : t(`guidance.${guidance.key}`);

  return (
    <section aria-labelledby="overview-heading" className="flex flex-col gap-6">
      <div>
        <h2 id="overview-heading" className="text-2xl font-bold">
          {t("guidance.title")}
        </h2>
        <p className="mt-2 text-lg" data-phase={deadline.phase}>
          {sentence}
        </p>
      </div>
      <Countdown
        deadlineMs={deadline.deadline.getTime()}
        renderedAtMs={now.getTime()}
        company={campaign.company}
        deadlineLabel={deadlineLabel}
      />
    </section>
  );
}
