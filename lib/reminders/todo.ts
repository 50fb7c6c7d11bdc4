import type { Campaign } from "@/lib/campaign";

// Which objections a person still has to file, for the reminder's list. The rule
// (the same in SQL in ./queue.ts, which picks the recipients):
// - A person needs objections for the platforms they pledged (pledge.platforms; the
//   questionnaire rewrites that list), in campaign order; platforms the campaign no
//   longer has count for nothing.
// - A platform without tracker rows (questionnaire not answered yet) counts as one
//   objection to do.
// - A platform with rows counts its accounts that still need their own objection and
//   have none on record: not covered by a linked account, status NOT_STARTED or SKIPPED
//   (the form could not be found: a reminder is the right time to try again).
//   NOT_APPLICABLE ("I don't use this") needs nothing; SUBMITTED and CONFIRMED are done.
// This matches the tracker (lib/tracker/progress.ts: isNeeded, isFiled).

export type ObjectionRow = { platform: string; status: string; coveredById: string | null };

export type PlatformToDo = { platform: string; accounts: number };

export function objectionsToDo(
  campaign: Pick<Campaign, "platforms">,
  pledgedPlatforms: readonly string[],
  rows: readonly ObjectionRow[],
): PlatformToDo[] {
  const todo: PlatformToDo[] = [];
  for (const { id } of campaign.platforms) {
    if (!pledgedPlatforms.includes(id)) continue;
    const own = rows.filter((row) => row.platform === id);
    const accounts =
      own.length === 0
        ? 1
        : own.filter(
            (row) => row.coveredById === null && (row.status === "NOT_STARTED" || row.status === "SKIPPED"),
          ).length;
    if (accounts > 0) todo.push({ platform: id, accounts });
  }
  return todo;
}
