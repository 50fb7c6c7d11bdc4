"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { joinLeaderboard } from "@/lib/actions/join-leaderboard";
import { leaveLeaderboard } from "@/lib/actions/leave-leaderboard";
import { useTranslations } from "@/lib/i18n/client";
import { DISPLAY_NAME_MAX } from "@/lib/referrals/rules";

/**
 * Opt-in to the public leaderboard under a chosen display name (off by default), a
 * rename, and leaving at any time. Names are shown as plain text everywhere.
 */
export function InviteLeaderboardForm({
  locale,
  name,
  isOnLeaderboard,
  isFlagged,
}: {
  locale: string;
  name: string | null;
  isOnLeaderboard: boolean;
  isFlagged: boolean;
}) {
  const t = useTranslations("referrals.leaderboard");
  const tErrors = useTranslations("referrals.errors");
  const joining = useFormAction(joinLeaderboard, tErrors);
  const leaving = useFormAction(leaveLeaderboard, tErrors);
  const nameError = joining.errors.displayName;
  // A rejected name is said beside the field, not again below the button.
  const joinMessage = nameError ? undefined : joining.message;
  // The card is re-rendered after each action, so its props are the current truth.
  const status = isOnLeaderboard && name ? t("joined", { name }) : leaving.state?.ok ? t("left") : "";

  return (
    <section aria-labelledby="invite-leaderboard-heading" className="flex flex-col gap-3">
      <h3 id="invite-leaderboard-heading" className="text-xl font-bold">
        {t("title")}
      </h3>
      <p className="text-ink-muted">{t("intro")}</p>
      <p role="status" className="font-semibold" data-testid="leaderboard-status">
        {status}
      </p>
      {isFlagged && (
        <Card as="p" tone="warning" variant="soft" padding="sm">
          {t("flagged")}
        </Card>
      )}
      <form action={joining.formAction} noValidate className="flex flex-col gap-1">
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor="leaderboard-name" className="font-semibold">
          {t("nameLabel")}
        </label>
        <p id="leaderboard-name-hint" className="text-sm text-ink-subtle">
          {t("nameHint")}
        </p>
        {nameError && (
          <p id="leaderboard-name-error" className="text-sm font-semibold text-danger">
            {nameError}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <input
            id="leaderboard-name"
            name="displayName"
            type="text"
            autoComplete="nickname"
            maxLength={DISPLAY_NAME_MAX * 2}
            defaultValue={name ?? ""}
            className={`${inputClass} sm:w-72`}
            {...describedBy("leaderboard-name", { hint: true, error: nameError })}
          />
          <Button type="submit" pending={joining.pending}>
            {isOnLeaderboard ? t("rename") : t("join")}
          </Button>
        </div>
        <FormAlert message={joinMessage} />
      </form>
      {isOnLeaderboard && (
        <form action={leaving.formAction}>
          <input type="hidden" name="locale" value={locale} />
          <Button type="submit" variant="secondary" pending={leaving.pending}>
            {t("leave")}
          </Button>
          <FormAlert message={leaving.message} />
        </form>
      )}
      <a
        href={`/${locale}/leaderboard`}
        className="self-start font-semibold text-accent underline underline-offset-4 hover:text-accent-strong"
      >
        {t("view")}
      </a>
    </section>
  );
}
