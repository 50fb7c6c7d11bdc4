"use client";

import { useTranslations } from "next-intl";

// Errors inside the dashboard keep the site's header and footer; nothing the person
// entered is lost, because every write is one transaction that either happened or not.
export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  const tDashboard = useTranslations("dashboard");
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{tDashboard("title")}</h1>
      <h2 className="mt-6 text-2xl font-bold">{t("genericTitle")}</h2>
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
