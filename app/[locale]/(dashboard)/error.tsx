"use client";

import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/error-panel";

// Errors inside the dashboard keep the site's header and footer; nothing the person
// entered is lost, because every write is one transaction that either happened or not.
export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("dashboard");
  return <ErrorPanel reset={reset} heading={t("title")} />;
}
