import { getFormatter, getTranslations } from "next-intl/server";
import { ExternalLink } from "@/components/external-link";
import { type Campaign, localized } from "@/lib/campaign";
import type { Tracker, TrackerAccount, TrackerPlatform } from "@/lib/tracker";
import { dayToInstant } from "@/lib/tracker/dates";
import { AccountHeading } from "./account-heading";
import { ReportLinkForm } from "./report-link-form";
import { StatusForm } from "./status-form";

type Translate = Awaited<ReturnType<typeof getTranslations<"tracker">>>;

/** Per platform: caveats, numbered steps, the official form, and each account's status. */
export async function Checklist({
  locale,
  campaign,
  tracker,
}: {
  locale: string;
  campaign: Campaign;
  tracker: Tracker;
}) {
  const t = await getTranslations("tracker");
  const format = await getFormatter();
  const names = new Map(campaign.platforms.map((p) => [p.id, p.name]));
  const accountName = (platform: string, index: number) =>
    t("checklist.account", { platform: names.get(platform) ?? platform, index });
  const dayLabel = (day: string) =>
    format.dateTime(dayToInstant(day), { dateStyle: "long", timeZone: "UTC" });

  return (
    <section aria-labelledby="checklist-heading" className="flex flex-col gap-8">
      <h2 id="checklist-heading" className="text-2xl font-bold">
        {t("checklist.title")}
      </h2>
      {tracker.platforms.map((entry) => (
        <PlatformGuide
          key={entry.platform.id}
          entry={entry}
          locale={locale}
          t={t}
          tracker={tracker}
          accountName={accountName}
          dayLabel={dayLabel}
          text={(value) => localized(value, locale)}
        />
      ))}
    </section>
  );
}

function PlatformGuide({
  entry,
  locale,
  t,
  tracker,
  accountName,
  dayLabel,
  text,
}: {
  entry: TrackerPlatform;
  locale: string;
  t: Translate;
  tracker: Tracker;
  accountName: (platform: string, index: number) => string;
  dayLabel: (day: string) => string;
  text: (value: Parameters<typeof localized>[0]) => string;
}) {
  const { platform, accounts } = entry;
  const headingId = `platform-${platform.id}`;
  const hasWork = accounts.some((a) => a.isNeeded && a.status === "NOT_STARTED");
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line p-4 sm:p-6">
      <h3 id={headingId} className="text-xl font-bold">
        {platform.name}
      </h3>
      {platform.caveats.map((caveat) => (
        <p
          key={caveat.text.en}
          className={
            caveat.severity === "warning"
              ? "mt-3 rounded-md border-l-4 border-warning bg-warning-50 p-3"
              : "mt-3 rounded-md border-l-4 border-accent bg-accent-soft p-3"
          }
        >
          <strong>
            {caveat.severity === "warning" ? t("checklist.caveatWarning") : t("checklist.caveatInfo")}:{" "}
          </strong>
          {text(caveat.text)}
        </p>
      ))}
      <details open={hasWork} className="mt-4">
        <summary className="cursor-pointer font-semibold text-accent">{t("checklist.steps")}</summary>
        <ol className="mt-3 list-decimal space-y-2 pl-6">
          {platform.steps.map((step) => (
            <li key={step.en}>{text(step)}</li>
          ))}
        </ol>
      </details>
      <div className="mt-4 flex flex-col gap-3">
        <ExternalLink
          href={platform.formUrl}
          newTabLabel={t("checklist.newTab")}
          className="inline-block self-start rounded-md bg-accent-fill px-4 py-2 font-semibold text-white hover:bg-accent-fill-hover"
        >
          {t("checklist.openForm", { platform: platform.name })}
        </ExternalLink>
        <ReportLinkForm
          locale={locale}
          platform={platform.id}
          platformName={platform.name}
          hasOpenReport={entry.hasOpenReport}
        />
      </div>
      <ul className="mt-6 flex flex-col gap-4">
        {accounts.map((account) => (
          <li key={account.id} className="rounded-md bg-surface-muted p-4">
            <AccountCard
              account={account}
              platformName={platform.name}
              locale={locale}
              t={t}
              tracker={tracker}
              accountName={accountName}
              dayLabel={dayLabel}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AccountCard({
  account,
  platformName,
  locale,
  t,
  tracker,
  accountName,
  dayLabel,
}: {
  account: TrackerAccount;
  platformName: string;
  locale: string;
  t: Translate;
  tracker: Tracker;
  accountName: (platform: string, index: number) => string;
  dayLabel: (day: string) => string;
}) {
  const headingId = `account-${account.id}`;
  const title = account.accountEmail
    ? t("checklist.accountWithEmail", {
        platform: platformName,
        index: account.accountIndex,
        email: account.accountEmail,
      })
    : t("checklist.account", { platform: platformName, index: account.accountIndex });
  const { days } = tracker;
  const common = { locale, submissionId: account.id };

  let statusText: string;
  if (account.coveredBy) {
    statusText = t("status.covered", {
      account: accountName(account.coveredBy.platform, account.coveredBy.accountIndex),
    });
  } else if (account.status === "SUBMITTED" && account.submittedOn) {
    statusText = t("status.SUBMITTED", { date: dayLabel(account.submittedOn) });
  } else if (account.status === "CONFIRMED" && account.confirmedOn && account.submittedOn) {
    statusText = t("status.CONFIRMED", {
      date: dayLabel(account.confirmedOn),
      submitted: dayLabel(account.submittedOn),
    });
  } else {
    statusText = t(`status.${account.status === "NOT_APPLICABLE" ? "NOT_APPLICABLE" : "NOT_STARTED"}`);
  }

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3">
      <AccountHeading id={headingId} status={account.status}>
        {title}
      </AccountHeading>
      <p role="status" className="font-semibold" data-status={account.coveredBy ? "COVERED" : account.status}>
        {statusText}
      </p>
      {account.covers.length > 0 && (
        <p className="text-ink-muted">
          {t("status.covers", {
            accounts: account.covers.map((c) => accountName(c.platform, c.accountIndex)).join(", "),
          })}
        </p>
      )}
      {account.note && <p className="text-ink-muted">{t("status.yourNote", { note: account.note })}</p>}
      {!account.coveredBy && account.status === "NOT_STARTED" && (
        <div className="flex flex-col gap-4">
          <StatusForm
            {...common}
            status="SUBMITTED"
            variant="primary"
            label={t("status.markSubmitted")}
            day={{
              label: t("status.submittedOn"),
              defaultValue: days.today,
              min: days.earliest,
              max: days.latest,
            }}
            note={account.note}
          />
          {account.covers.length === 0 && (
            <StatusForm
              {...common}
              status="NOT_APPLICABLE"
              variant="secondary"
              label={t("status.markNotApplicable")}
            />
          )}
        </div>
      )}
      {!account.coveredBy && account.status === "SUBMITTED" && (
        <div className="flex flex-col gap-4">
          <StatusForm
            {...common}
            status="CONFIRMED"
            variant="primary"
            label={t("status.markConfirmed")}
            day={{
              label: t("status.confirmedOn"),
              defaultValue: [days.today, account.submittedOn ?? days.today].sort()[1] ?? days.today,
              min: account.submittedOn ?? days.earliest,
              max: days.latest,
            }}
            note={account.note}
          />
          <StatusForm
            {...common}
            status="NOT_STARTED"
            variant="secondary"
            label={t("status.undoSubmitted")}
          />
        </div>
      )}
      {!account.coveredBy && account.status === "CONFIRMED" && (
        <StatusForm {...common} status="SUBMITTED" variant="secondary" label={t("status.undoConfirmed")} />
      )}
      {!account.coveredBy && account.status === "NOT_APPLICABLE" && (
        <StatusForm
          {...common}
          status="NOT_STARTED"
          variant="secondary"
          label={t("status.undoNotApplicable")}
        />
      )}
    </article>
  );
}
