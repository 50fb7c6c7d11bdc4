"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { reportBrokenLink } from "@/lib/actions/report-broken-link";
import { useTranslations } from "@/lib/i18n/client";

/** "This link seems broken": one button per platform, acknowledged in place. */
export function ReportLinkForm({
  locale,
  platform,
  platformName,
  hasOpenReport,
}: {
  locale: string;
  platform: string;
  platformName: string;
  hasOpenReport: boolean;
}) {
  const t = useTranslations("tracker.checklist");
  const tErrors = useTranslations("tracker.errors");
  const { state, formAction, pending, message } = useFormAction(reportBrokenLink, tErrors);
  const hintId = `report-${platform}-hint`;

  if (state?.ok || hasOpenReport) {
    return (
      <p role="status" className="text-sm text-ink-muted">
        {state?.ok ? t("reported") : t("reportedBefore")}
      </p>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="platform" value={platform} />
      <FormAlert message={message} isSmall />
      <div>
        <Button
          type="submit"
          variant="quiet"
          pending={pending}
          aria-describedby={hintId}
          aria-label={`${t("reportLink")}: ${platformName}`}
          className="text-sm"
        >
          {t("reportLink")}
        </Button>
      </div>
      <p id={hintId} className="text-sm text-ink-subtle">
        {t("reportLinkHint")}
      </p>
    </form>
  );
}
