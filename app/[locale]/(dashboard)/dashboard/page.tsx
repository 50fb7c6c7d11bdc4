import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { SignOutButton } from "@/components/sign-out-button";
import { RememberChecklist } from "@/components/signed-in-hint";
import { buttonClass } from "@/components/ui/button";
import { StatusNotice } from "@/components/ui/form-alert";
import { requireUser } from "@/lib/auth/session";
import { campaign } from "@/lib/campaign";
import { getOwnPledge } from "@/lib/pledges/queries";
import { rememberLocale } from "@/lib/pledges/remember-locale";
import { getTracker, startChecklist } from "@/lib/tracker";
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
  // One read of the pledge for every card below.
  const pledge = await getOwnPledge(user.id, c.id);
  // Signed in through a pledge of an earlier campaign only: pledge for this one first.
  if (!pledge) redirect(`/${locale}/pledge`);
  // The pledge already says which platforms the person uses: their checklist is built
  // from it on the first visit, so step 1 shows at once (no second questionnaire).
  // The tracker then reads the pledge again, as that (or a first visit in another tab) left it.
  const isFirstVisit = pledge.questionnaireAt === null;
  if (isFirstVisit) await startChecklist(user.id, { campaign: c, now });
  const [t, tAuth, tTracker, format, tracker, { welcome }] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("auth"),
    getTranslations("tracker"),
    getFormatter(),
    getTracker(user.id, { campaign: c, now }, isFirstVisit ? undefined : pledge),
    searchParams,
    pledge.locale === locale ? undefined : rememberLocale(user.id, c.id, locale),
  ]);
  const names = new Map(c.platforms.map((p) => [p.id, p.name]));
  const platformNames = (pledge?.platforms ?? []).map((id) => names.get(id) ?? id);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-6 sm:py-10">
      <RememberChecklist />
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <div className="flex flex-wrap items-baseline gap-x-3 text-sm text-ink-subtle">
          <span className="break-all">{t("signedInAs", { email: user.email })}</span>
          <SignOutButton locale={locale} label={tAuth("signOut")} />
        </div>
        {welcome && pledge?.verifiedAt && <StatusNotice className="mt-2">{t("welcome")}</StatusNotice>}
        {pledge && !pledge.verifiedAt && <p className="mt-2">{t("notVerified")}</p>}
      </header>

      {/* Each card is an independent <section aria-labelledby>: later cards (the
          referral card, anchored at #invite) are one more line in this list. The
          checklist comes first: the first guide's step 1 is on the first screen. */}
      {tracker ? (
        <>
          {tracker.isFinished && <FinishedCard locale={locale} />}
          {tracker.platforms.length > 0 && <Checklist locale={locale} campaign={c} tracker={tracker} />}
          <QuestionnaireSection
            locale={locale}
            campaign={c}
            answers={tracker.answers}
            summary={t("pledgeSummary", { platforms: format.list(platformNames, { type: "conjunction" }) })}
          />
          <TrackerOverview tracker={tracker} campaign={c} now={now} />
          <ReminderSettings locale={locale} pledge={pledge} email={user.email} />
        </>
      ) : (
        <section aria-labelledby="no-pledge-heading">
          <h2 id="no-pledge-heading" className="text-2xl font-bold">
            {tTracker("noPledge.title")}
          </h2>
          <p className="mt-2">{tTracker("noPledge.body")}</p>
          <a href={`/${locale}/pledge`} className={buttonClass({ className: "mt-4" })}>
            {tTracker("noPledge.link")}
          </a>
        </section>
      )}
      {pledge?.verifiedAt && (
        <ReferralCard
          locale={locale}
          userId={user.id}
          campaignId={c.id}
          pledge={pledge}
          hasFiled={(tracker?.progress.done ?? 0) > 0}
        />
      )}
    </div>
  );
}
