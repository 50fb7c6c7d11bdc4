"use client";

import { Button } from "@/components/ui/button";
import { useTranslations } from "@/lib/i18n/client";

/** An error boundary's body: what happened and a retry, under an optional page heading. */
export function ErrorPanel({ reset, heading }: { reset: () => void; heading?: string }) {
  const t = useTranslations("errors");
  const Title = heading ? "h2" : "h1";
  return (
    <div className={heading ? "mx-auto max-w-3xl px-4 py-10" : "mx-auto max-w-xl px-4 py-16"}>
      {heading && <h1 className="text-3xl font-bold">{heading}</h1>}
      <Title className={heading ? "mt-6 text-2xl font-bold" : "text-3xl font-bold"}>
        {t("genericTitle")}
      </Title>
      <p className="mt-2">{t("genericBody")}</p>
      <Button type="button" onClick={reset} className="mt-6">
        {t("retry")}
      </Button>
    </div>
  );
}
