"use client";

import { ErrorPanel } from "@/components/error-panel";
import { useTranslations } from "@/lib/i18n/client";

// Errors inside the dashboard keep the site's header and footer; nothing the person
// entered is lost, because every write is one transaction that either happened or not.
export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("dashboard");
  return <ErrorPanel reset={reset} heading={t("title")} />;
}
