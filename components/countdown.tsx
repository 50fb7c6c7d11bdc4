"use client";

import { useEffect, useState } from "react";
import { Card } from "@/components/ui/card";
import { splitDuration } from "@/lib/campaign/deadline";
import { useLocale, useTranslations } from "@/lib/i18n/client";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

type Props = {
  deadlineMs: number;
  /** The server's clock when the page was rendered, so the first paint matches. */
  renderedAtMs: number;
  company: string;
  deadlineLabel: string;
};

/** "in 12 days", or "in 30 hours" within two days of the deadline (as next-intl's relativeTime). */
function relativeTime(locale: string, leftMs: number): string {
  const unit = leftMs >= 2 * DAY_MS ? "day" : "hour";
  const value = Math.round(leftMs / (unit === "day" ? DAY_MS : HOUR_MS));
  return new Intl.RelativeTimeFormat(locale, { numeric: "always" }).format(value, unit);
}

/** A live countdown to the deadline that turns into the "still worth it" message after. */
export function Countdown({ deadlineMs, renderedAtMs, company, deadlineLabel }: Props) {
  const t = useTranslations("deadline");
  const locale = useLocale();
  const [now, setNow] = useState(renderedAtMs);

  useEffect(() => {
    setNow(Date.now());
    // Past the deadline the message no longer changes: no clock to keep rendering.
    if (Date.now() >= deadlineMs) return;
    const timer = setInterval(() => {
      const tick = Date.now();
      setNow(tick);
      if (tick >= deadlineMs) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadlineMs]);

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
        {t("countdownLabel")} <span className="font-normal">({relativeTime(locale, left)})</span>
      </p>
      {/* The live region announces at most once a minute: seconds stay out of it. */}
      <p className="mt-1 text-2xl font-bold tabular-nums text-accent-strong">
        <span aria-live="polite" aria-atomic="true">
          {new Intl.ListFormat(locale, { type: "unit" }).format([
            t("days", { count: parts.days }),
            t("hours", { count: parts.hours }),
            t("minutes", { count: parts.minutes }),
          ])}
        </span>
        <span aria-hidden="true"> · {t("seconds", { count: parts.seconds })}</span>
      </p>
    </Card>
  );
}
