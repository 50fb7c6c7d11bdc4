import { getFormatter, getTranslations } from "next-intl/server";
import { funnelSteps, type PublicStats } from "@/lib/stats";

export async function Funnel({ stats }: { stats: PublicStats }) {
  const t = await getTranslations("stats");
  const format = await getFormatter();
  const steps = funnelSteps(stats);
  const labels = {
    pledged: t("funnelPledged"),
    verified: t("funnelVerified"),
    finished: t("funnelFinished"),
  };
  const widest = Math.max(1, ...steps.map((step) => step.count));
  return (
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading" className="text-2xl font-bold">
        {t("funnelHeading")}
      </h2>
      <p className="mt-2 text-ink-muted">{t("funnelIntro")}</p>
      <ol className="mt-4 space-y-3">
        {steps.map((step) => (
          <li key={step.stage}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-semibold">{labels[step.stage]}</span>
              <span className="tabular-nums">
                <span className="text-lg font-bold">{format.number(step.count)}</span>
                {step.ofPrevious !== null && (
                  <span className="ml-2 text-sm text-ink-muted">
                    {t("funnelOfPrevious", {
                      share: format.number(step.ofPrevious, { style: "percent", maximumFractionDigits: 1 }),
                    })}
                  </span>
                )}
              </span>
            </div>
            <div className="mt-1 h-3 rounded bg-surface-sunken" aria-hidden="true">
              <div
                className="h-3 rounded bg-accent-fill"
                style={{ width: `${((step.count / widest) * 100).toFixed(2)}%` }}
              />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
