import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

// One small drawing per step, on a 24-unit grid in the text's colour: decoration only
// (aria-hidden), the step's heading says it all.
const ICON_PROPS = {
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  focusable: false,
  className: "size-7",
} as const;

/** A pen signing a line: the pledge. */
function PledgeIcon() {
  return (
    <svg aria-hidden="true" {...ICON_PROPS}>
      <path d="M4 20h16" />
      <path d="M6 16.5 16.5 6a2.1 2.1 0 0 1 3 3L9 19.5 5 20z" />
    </svg>
  );
}

/** A form with its lines and a guiding arrow: the official forms, one by one. */
function FormIcon() {
  return (
    <svg aria-hidden="true" {...ICON_PROPS}>
      <path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8z" />
      <path d="M14 3v5h5" />
      <path d="M8.5 12.5h7M8.5 16.5h4" />
    </svg>
  );
}

/** Two people and a tick: filed, and friends invited. */
function FiledIcon() {
  return (
    <svg aria-hidden="true" {...ICON_PROPS}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20.5c.6-3.6 3.2-5.8 6.5-5.8 1.6 0 3 .5 4.1 1.4" />
      <path d="m15 18 2 2 4.5-4.5" />
    </svg>
  );
}

/** Pledge, follow the guide to each official form, say it is filed and invite friends. */
export async function HowItWorks({ company }: { company: string }) {
  const t = await getTranslations("landing.how");
  const steps: { key: string; icon: ReactNode; title: string; body: string }[] = [
    { key: "pledge", icon: <PledgeIcon />, title: t("pledgeTitle"), body: t("pledgeBody") },
    { key: "forms", icon: <FormIcon />, title: t("formsTitle"), body: t("formsBody", { company }) },
    { key: "filed", icon: <FiledIcon />, title: t("filedTitle"), body: t("filedBody") },
  ];
  return (
    <section aria-labelledby="how-heading">
      <h2 id="how-heading" className="text-2xl font-bold">
        {t("heading")}
      </h2>
      <ol className="mt-6 grid gap-6 sm:grid-cols-3">
        {steps.map((step, i) => (
          <li key={step.key} className="flex gap-4 sm:flex-col sm:gap-3">
            <span className="flex size-12 shrink-0 items-center justify-center rounded-full bg-accent-soft text-accent">
              {step.icon}
            </span>
            <div>
              <p className="text-sm font-semibold text-accent">{t("step", { number: i + 1 })}</p>
              <h3 className="text-lg font-semibold">{step.title}</h3>
              <p className="mt-1 text-ink-muted">{step.body}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
