import "server-only";
import { type DeadlineState, deadlineState, type Platform } from "@/lib/campaign";
import { campaignDay } from "@/lib/campaign/deadline";
import { db } from "@/lib/db";
import type { TrackerContext } from "./context";
import { earliestObjectionDay, instantToDay, latestAllowedDay } from "./dates";
import { ofKnownPlatforms } from "./known-platforms";
import {
  computeProgress,
  type Guidance,
  isNeeded,
  type Progress,
  type Status,
  trackerGuidance,
} from "./progress";

export type TrackerAccount = {
  id: string;
  accountIndex: number;
  accountIdentifier: string | null;
  status: Status;
  /** YYYY-MM-DD (see ./dates.ts). */
  submittedOn: string | null;
  confirmedOn: string | null;
  note: string | null;
  isNeeded: boolean;
  /** The linked account whose objection covers this one, with its status. */
  coveredBy: { platform: string; accountIndex: number; status: Status } | null;
  /** Linked accounts this account's objection covers. */
  covers: { platform: string; accountIndex: number }[];
};

export type TrackerPlatform = {
  platform: Platform;
  accounts: TrackerAccount[];
  /** The person reported this platform's link as broken and it is not resolved yet. */
  hasOpenReport: boolean;
};

export type QuestionnaireAnswers = {
  isAnswered: boolean;
  platforms: string[];
  accounts: Record<string, number>;
  emails: Record<string, (string | null)[]>;
  accountsLinked: boolean | null;
};

/** The pledge columns the tracker is built from. */
export type TrackerPledge = {
  platforms: string[];
  accountsLinked: boolean | null;
  questionnaireAt: Date | null;
  finishedAt: Date | null;
};

export type Tracker = {
  answers: QuestionnaireAnswers;
  /** Platforms the person uses, in campaign order, each with its accounts. */
  platforms: TrackerPlatform[];
  progress: Progress;
  isFinished: boolean;
  guidance: Guidance;
  deadline: DeadlineState;
  /** Bounds and default for the date fields, as YYYY-MM-DD (no lower bound when the campaign sets none). */
  days: { today: string; earliest: string | undefined; latest: string };
};

/**
 * Everything the dashboard shows about the signed-in person's objections, read only
 * through their own user id. Null when the person has no pledge for the campaign.
 */
export async function getTracker(
  userId: string,
  { campaign, now }: TrackerContext,
  /** The person's pledge in this campaign, when the caller read it already (the dashboard). */
  known?: TrackerPledge,
): Promise<Tracker | null> {
  const pledge =
    known ??
    (await db.pledge.findFirst({
      where: { userId, campaignId: campaign.id },
      select: { platforms: true, accountsLinked: true, questionnaireAt: true, finishedAt: true },
    }));
  if (!pledge) return null;
  const [found, reports] = await Promise.all([
    db.submission.findMany({
      where: { userId, campaignId: campaign.id },
      orderBy: [{ platform: "asc" }, { accountIndex: "asc" }],
      select: {
        id: true,
        platform: true,
        accountIndex: true,
        accountIdentifier: true,
        status: true,
        submittedAt: true,
        confirmedAt: true,
        note: true,
        coveredById: true,
      },
    }),
    db.linkReport.findMany({
      where: { userId, campaignId: campaign.id, resolvedAt: null },
      select: { platform: true },
    }),
  ]);
  const rows = ofKnownPlatforms(campaign, found);
  const byId = new Map(rows.map((row) => [row.id, row]));

  const platforms: TrackerPlatform[] = campaign.platforms
    .map((platform) => ({
      platform,
      hasOpenReport: reports.some((r) => r.platform === platform.id),
      accounts: rows
        .filter((row) => row.platform === platform.id)
        .map((row): TrackerAccount => {
          const coverer = row.coveredById ? byId.get(row.coveredById) : undefined;
          return {
            id: row.id,
            accountIndex: row.accountIndex,
            accountIdentifier: row.accountIdentifier,
            status: row.status,
            submittedOn: row.submittedAt ? instantToDay(row.submittedAt) : null,
            confirmedOn: row.confirmedAt ? instantToDay(row.confirmedAt) : null,
            note: row.note,
            isNeeded: isNeeded(row),
            coveredBy: coverer
              ? { platform: coverer.platform, accountIndex: coverer.accountIndex, status: coverer.status }
              : null,
            covers: rows
              .filter((other) => other.coveredById === row.id)
              .map((other) => ({ platform: other.platform, accountIndex: other.accountIndex })),
          };
        }),
    }))
    .filter((p) => p.accounts.length > 0);

  const isAnswered = pledge.questionnaireAt !== null;
  const chosen = isAnswered ? platforms.map((p) => p.platform.id) : pledge.platforms;
  const answers: QuestionnaireAnswers = {
    isAnswered,
    platforms: campaign.platforms.map((p) => p.id).filter((id) => chosen.includes(id)),
    accounts: Object.fromEntries(
      campaign.platforms.map((p) => [p.id, Math.max(1, rows.filter((r) => r.platform === p.id).length)]),
    ),
    emails: Object.fromEntries(
      campaign.platforms.map((p) => [
        p.id,
        rows.filter((r) => r.platform === p.id).map((r) => r.accountIdentifier),
      ]),
    ),
    accountsLinked: pledge.accountsLinked,
  };

  const progress = computeProgress(rows);
  const deadline = deadlineState(campaign, now);
  return {
    answers,
    platforms,
    progress,
    isFinished: pledge.finishedAt !== null,
    guidance: trackerGuidance(progress, deadline, isAnswered),
    deadline,
    days: {
      today: campaignDay(campaign, now),
      earliest: earliestObjectionDay(campaign),
      latest: latestAllowedDay(now),
    },
  };
}
