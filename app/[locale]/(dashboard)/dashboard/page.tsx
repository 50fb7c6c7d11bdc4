import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { signOut } from "@/lib/actions/sign-out";
import { requireUser } from "@/lib/auth/session";
import { campaign } from "@/lib/campaign";
import { getOwnPledge } from "@/lib/pledges/queries";
import { rememberLocale } from "@/lib/pledges/remember-locale";
import { getTracker } from "@/lib/tracker";
import { Checklist } from "./_components/checklist";
import { FinishedCard } from "./_components/finished-card";
import { QuestionnaireSection } from "./_components/questionnaire-section";
import { ReferralCard } from "./_components/referral-card";
import { ReminderSettings } from "./_components/reminder-settings";
import { TrackerOverview } from "./_components/tracker-overview";

export const metadata: Metadata = { robots: { index: false } };

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ welcome?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const c = campaign();
  const now = new Date();
  const [t, tAuth, tTracker, format, pledge, tracker, { welcome }] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("auth"),
    getTranslations("tracker"),
    getFormatter(),
    getOwnPledge(user.id, c.id),
    getTracker(user.id, { campaign: c, now }),
    searchParams,
    rememberLocale(user.id, campaign().id, locale),
  ]);
  // Signed in through a pledge of an earlier campaign only: pledge for this one first.
  if (!pledge) redirect(`/${locale}/pledge`);
  const names = new Map(c.platforms.map((p) => [p.id, p.name]));
  const platformNames = (pledge?.platforms ?? []).map((id) => names.get(id) ?? id);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10 px-4 py-10">
      <header>
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <form action={signOut}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="rounded-md border border-line-strong px-4 py-2 font-semibold">
              {tAuth("signOut")}
            </button>
          </form>
        </div>
        <p className="mt-2 text-ink-muted">{t("signedInAs", { email: user.email })}</p>
        {welcome && pledge?.verifiedAt && (
          <p role="status" className="mt-6 rounded-md bg-success-50 p-4 font-semibold text-success-900">
            {t("welcome")}
          </p>
        )}
        {pledge && (
          <p className="mt-6">
            {t("pledgeSummary", { platforms: format.list(platformNames, { type: "conjunction" }) })}
          </p>
        )}
        {pledge && !pledge.verifiedAt && <p className="mt-4">{t("notVerified")}</p>}
      </header>

      {/* Each card is an independent <section aria-labelledby>: later cards (the
          referral card, anchored at #invite) are one more line in this list. */}
      {tracker ? (
        <>
          <TrackerOverview tracker={tracker} campaign={c} now={now} />
          {tracker.isFinished && <FinishedCard locale={locale} />}
          <QuestionnaireSection locale={locale} campaign={c} answers={tracker.answers} />
          {tracker.platforms.length > 0 && <Checklist locale={locale} campaign={c} tracker={tracker} />}
          <ReminderSettings locale={locale} userId={user.id} />
        </>
      ) : (
        <section aria-labelledby="no-pledge-heading">
          <h2 id="no-pledge-heading" className="text-2xl font-bold">
            {tTracker("noPledge.title")}
          </h2>
          <p className="mt-2">{tTracker("noPledge.body")}</p>
          <a
            href={`/${locale}/pledge`}
            className="mt-4 inline-block rounded-md bg-accent-fill px-4 py-2 font-semibold text-white hover:bg-accent-fill-hover"
          >
            {tTracker("noPledge.link")}
          </a>
        </section>
      )}
      {pledge?.verifiedAt && <ReferralCard locale={locale} userId={user.id} campaignId={c.id} />}
    </div>
  );
}
