import { getFormatter, getTranslations } from "next-intl/server";
import { ExternalLink } from "@/components/external-link";
import { buttonClass } from "@/components/ui/button";
import { Card, cardClass } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { StatusTag, type Tone } from "@/components/ui/status-tag";
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

  // The first platform with something left to do: its guide is open, the others are
  // folded, and every finished card points to it ("Next: Instagram").
  const next = tracker.platforms.find(hasWork)?.platform;
  const { progress } = tracker;

  return (
    <section aria-labelledby="checklist-heading" className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h2 id="checklist-heading" className="text-2xl font-bold">
          {t("checklist.title")}
        </h2>
        {progress.needed > 0 && (
          <Progress
            id="tracker-progress"
            label={t("progress.label")}
            value={progress.done}
            max={progress.needed}
            summary={t("progress.summary", {
              done: progress.done,
              needed: progress.needed,
              confirmed: progress.confirmed,
            })}
          />
        )}
      </div>
      {tracker.platforms.map((entry) => (
        <PlatformGuide
          key={entry.platform.id}
          isNext={entry.platform.id === next?.id}
          next={next ? { id: next.id, name: next.name } : null}
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

/** Whether a platform still has an account needing an objection that is not started. */
function hasWork(entry: TrackerPlatform): boolean {
  return entry.accounts.some((a) => a.isNeeded && !a.coveredBy && a.status === "NOT_STARTED");
}

/** An account's status as a tag: a word and a tone. */
function accountTag(account: TrackerAccount): { key: string; tone: Tone } {
  if (account.coveredBy) return { key: "covered", tone: "done" };
  switch (account.status) {
    case "SUBMITTED":
      return { key: "submitted", tone: "done" };
    case "CONFIRMED":
      return { key: "confirmed", tone: "done" };
    case "NOT_APPLICABLE":
      return { key: "notUsed", tone: "muted" };
    case "SKIPPED":
      return { key: "skipped", tone: "warning" };
    default:
      return { key: "toDo", tone: "neutral" };
  }
}

/** A platform's status as a tag, from its accounts'. */
function platformTag(entry: TrackerPlatform, isNext: boolean): { key: string; tone: Tone } {
  if (hasWork(entry)) return isNext ? { key: "next", tone: "progress" } : { key: "toDo", tone: "neutral" };
  const tags = entry.accounts.map(accountTag);
  if (tags.some((tag) => tag.key === "skipped")) return { key: "skipped", tone: "warning" };
  if (tags.every((tag) => tag.key === "notUsed")) return { key: "notUsed", tone: "muted" };
  return { key: "done", tone: "done" };
}

function PlatformGuide({
  isNext,
  next,
  entry,
  locale,
  t,
  tracker,
  accountName,
  dayLabel,
  text,
}: {
  isNext: boolean;
  next: { id: string; name: string } | null;
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
  const tag = platformTag(entry, isNext);
  const isDone = tag.tone === "done" || tag.tone === "muted" || tag.tone === "warning";
  const step = (value: (typeof platform.steps)[number], i: number) => (
    <li key={value.en} className="flex gap-3">
      <span
        aria-hidden="true"
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-fill text-sm font-bold text-on-accent"
      >
        {i + 1}
      </span>
      <span className="pt-0.5">{text(value)}</span>
    </li>
  );
  const formButton = (
    <ExternalLink
      href={platform.formUrl}
      newTabLabel={t("checklist.newTab")}
      className={buttonClass({
        variant: isDone ? "secondary" : "primary",
        size: "lg",
        className: "self-start",
      })}
    >
      {t("checklist.openForm", { platform: platform.name })}
    </ExternalLink>
  );
  return (
    <Card
      as="section"
      id={`guide-${platform.id}`}
      aria-labelledby={headingId}
      // Done: tinted green; the guide to follow now: framed in the accent colour.
      tone={isDone ? "success" : isNext ? "accent" : "neutral"}
      variant={isDone ? "filled" : "outline"}
      padding="lg"
      className="scroll-mt-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-xl font-bold">
          {platform.name}
        </h3>
        <StatusTag tone={tag.tone}>{t(`checklist.tag.${tag.key}`)}</StatusTag>
      </div>
      {isDone || !isNext ? (
        <>
          <details className="mt-3">
            <summary className="cursor-pointer font-semibold text-accent">{t("checklist.steps")}</summary>
            <ol className="mt-3 flex flex-col gap-3">{platform.steps.map(step)}</ol>
          </details>
          <div className="mt-4 flex flex-col">{formButton}</div>
        </>
      ) : (
        // The guide to follow now: step 1 ("open the form"), its button right under it, then the rest.
        <div className="mt-4 flex flex-col gap-3">
          <h4 className="sr-only">{t("checklist.steps")}</h4>
          <ol className="flex flex-col gap-3">{platform.steps.slice(0, 1).map(step)}</ol>
          <div className="flex flex-col pl-10">{formButton}</div>
          <ol start={2} className="flex flex-col gap-3">
            {platform.steps.slice(1).map((value, i) => step(value, i + 1))}
          </ol>
        </div>
      )}
      {/* Good to know (Accounts Center, what the form asks for): after the first step, not before. */}
      {platform.caveats.map((caveat) => (
        <p
          key={caveat.text.en}
          className={cardClass({
            tone: caveat.severity === "warning" ? "warning" : "accent",
            variant: "callout",
            padding: "sm",
            className: "mt-3",
          })}
        >
          <strong>
            {caveat.severity === "warning" ? t("checklist.caveatWarning") : t("checklist.caveatInfo")}:{" "}
          </strong>
          {text(caveat.text)}
        </p>
      ))}
      <div className="mt-4">
        <ReportLinkForm
          locale={locale}
          platform={platform.id}
          platformName={platform.name}
          hasOpenReport={entry.hasOpenReport}
        />
      </div>
      <ul className="mt-6 flex flex-col gap-4">
        {accounts.map((account) => (
          <Card as="li" key={account.id} variant="soft">
            <AccountCard
              next={next && next.id !== platform.id ? next : null}
              account={account}
              platformName={platform.name}
              locale={locale}
              t={t}
              tracker={tracker}
              accountName={accountName}
              dayLabel={dayLabel}
            />
          </Card>
        ))}
      </ul>
    </Card>
  );
}

function AccountCard({
  next,
  account,
  platformName,
  locale,
  t,
  tracker,
  accountName,
  dayLabel,
}: {
  next: { id: string; name: string } | null;
  account: TrackerAccount;
  platformName: string;
  locale: string;
  t: Translate;
  tracker: Tracker;
  accountName: (platform: string, index: number) => string;
  dayLabel: (day: string) => string;
}) {
  const headingId = `account-${account.id}`;
  const title = account.accountIdentifier
    ? t("checklist.accountWithEmail", {
        platform: platformName,
        index: account.accountIndex,
        email: account.accountIdentifier,
      })
    : t("checklist.account", { platform: platformName, index: account.accountIndex });
  const { days } = tracker;
  const tag = accountTag(account);
  const common = { locale, submissionId: account.id };
  // "I've filed it", from a fresh account and from one skipped for now alike.
  const markSubmitted = (
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
  );

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
    statusText = t(
      `status.${account.status === "NOT_APPLICABLE" || account.status === "SKIPPED" ? account.status : "NOT_STARTED"}`,
    );
  }

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <AccountHeading id={headingId} status={account.status}>
          {title}
        </AccountHeading>
        <StatusTag tone={tag.tone}>{t(`checklist.tag.${tag.key}`)}</StatusTag>
      </div>
      <p role="status" className="font-semibold" data-status={account.coveredBy ? "COVERED" : account.status}>
        {statusText}
        {tag.tone !== "neutral" && next && (
          <>
            {" "}
            <a href={`#guide-${next.id}`} className="text-accent underline underline-offset-4">
              {t("checklist.next", { platform: next.name })}
            </a>
          </>
        )}
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
          {markSubmitted}
          {account.covers.length === 0 && (
            <StatusForm
              {...common}
              status="NOT_APPLICABLE"
              variant="secondary"
              label={t("status.markNotApplicable")}
            />
          )}
          {/* Not "I don't use this": the person does, the form is what is missing. */}
          <StatusForm {...common} status="SKIPPED" variant="quiet" label={t("status.markSkipped")} />
        </div>
      )}
      {!account.coveredBy && account.status === "SKIPPED" && (
        <div className="flex flex-col gap-4">
          {markSubmitted}
          <StatusForm {...common} status="NOT_STARTED" variant="secondary" label={t("status.undoSkipped")} />
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
