"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">{t("genericTitle")}</h1>
      <p className="mt-2">{t("genericBody")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-accent-fill px-4 py-2 font-semibold text-white"
      >
        {t("retry")}
      </button>
    </div>
  );
}
