import type { Platform } from "@/lib/campaign";
import type { QuestionnaireInput } from "./schema";

// Which accounts need their own objection. Meta's Accounts Center links Facebook and
// Instagram accounts, and one objection then covers the linked accounts. Platforms
// that share a `linkGroup` in the campaign config can be linked this way. When the
// person says their accounts are linked, accounts are paired in the order they are
// listed: the first platform of the group (in campaign order) files, account n of
// the other platforms is covered by its account n. Accounts without a partner file
// their own objection.

export type AccountRef = { platform: string; accountIndex: number };
export type PlannedAccount = AccountRef & { accountIdentifier: string | null; coveredBy: AccountRef | null };

export function planAccounts(
  platforms: readonly Pick<Platform, "id" | "linkGroup">[],
  input: Pick<QuestionnaireInput, "accounts" | "accountsLinked">,
): PlannedAccount[] {
  const counts = new Map(input.accounts.map((a) => [a.platform, a.emails.length]));
  const primaryOfGroup = new Map<string, string>();
  if (input.accountsLinked) {
    for (const platform of platforms) {
      if (platform.linkGroup && counts.has(platform.id) && !primaryOfGroup.has(platform.linkGroup)) {
        primaryOfGroup.set(platform.linkGroup, platform.id);
      }
    }
  }
  const planned: PlannedAccount[] = [];
  for (const { platform, emails } of input.accounts) {
    const group = platforms.find((p) => p.id === platform)?.linkGroup;
    const primary = group ? primaryOfGroup.get(group) : undefined;
    emails.forEach((accountIdentifier, i) => {
      const accountIndex = i + 1;
      const isPaired =
        primary !== undefined && primary !== platform && (counts.get(primary) ?? 0) >= accountIndex;
      planned.push({
        platform,
        accountIndex,
        accountIdentifier,
        coveredBy: isPaired ? { platform: primary, accountIndex } : null,
      });
    });
  }
  return planned;
}
