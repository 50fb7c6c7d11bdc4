"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Card } from "@/components/ui/card";
import { splitDuration } from "@/lib/campaign/deadline";

const DAY_MS = 24 * 60 * 60 * 1000;

type Props = {
  deadlineMs: number;
  /** The server's clock when the page was rendered, so the first paint matches. */
  renderedAtMs: number;
  company: string;
  deadlineLabel: string;
};

/** A live countdown to the deadline that turns into the "still worth it" message after. */
export function Countdown({ deadlineMs, renderedAtMs, company, deadlineLabel }: Props) {
  const t = useTranslations("deadline");
  const format = useFormatter();
  const [now, setNow] = useState(renderedAtMs);

  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const left = deadlineMs - now;
  if (left <= 0) {
    return (
      <Card as="section" aria-labelledby="deadline-after" tone="warning" variant="callout">
        <h2 id="deadline-after" className="text-lg font-semibold text-ink">
          {t("afterTitle")}
        </h2>
        <p className="mt-1 text-ink">{t("afterBody", { company, date: deadlineLabel })}</p>
      </Card>
    );
  }
  const parts = splitDuration(left);
  return (
    <Card as="section" aria-labelledby="deadline-before" tone="accent" variant="callout">
      <h2 id="deadline-before" className="text-lg font-semibold text-ink">
        {t("dueBefore", { date: deadlineLabel })}
      </h2>
      <p className="mt-2 text-sm font-medium text-ink-muted">
        {t("countdownLabel")}{" "}
        <span className="font-normal">
          ({format.relativeTime(deadlineMs, { now, unit: left >= 2 * DAY_MS ? "day" : "hour" })})
        </span>
      </p>
      {/* The live region announces at most once a minute: seconds stay out of it. */}
      <p className="mt-1 text-2xl font-bold tabular-nums text-accent-strong">
        <span aria-live="polite" aria-atomic="true">
          {format.list(
            [
              t("days", { count: parts.days }),
              t("hours", { count: parts.hours }),
              t("minutes", { count: parts.minutes }),
            ],
            { type: "unit" },
          )}
        </span>
        <span aria-hidden="true"> · {t("seconds", { count: parts.seconds })}</span>
      </p>
    </Card>
  );
}
