import { readFileSync } from "node:fs";
import path from "node:path";
import defaultCampaign from "../../campaigns/meta-ai-2025.json";
import { env } from "../env";
import { type Campaign, campaignSchema } from "./schema";

export class CampaignConfigError extends Error {
  override name = "CampaignConfigError";
}

/** Validates raw campaign data; throws one line per problem, naming the field. */
export function parseCampaign(raw: unknown, source: string): Campaign {
  const result = campaignSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `Invalid campaign config (${source}) at ${issue.path.join(".") || "(root)"}: ${issue.message}`,
  );
  throw new CampaignConfigError(lines.join("\n"));
}

/**
 * Reads the campaign: CAMPAIGN_CONFIG's file when set, else the bundled default;
 * CAMPAIGN_DEADLINE, when set, overrides the deadline instant.
 */
export function loadCampaign(source: { configPath?: string; deadline?: string } = {}): Campaign {
  let raw: unknown = defaultCampaign;
  let origin = "campaigns/meta-ai-2025.json";
  if (source.configPath) {
    origin = source.configPath;
    try {
      raw = JSON.parse(readFileSync(path.resolve(/*turbopackIgnore: true*/ source.configPath), "utf8"));
    } catch (cause) {
      throw new CampaignConfigError(
        `Invalid campaign config (${origin}): cannot read it as JSON (${(cause as Error).message})`,
        { cause },
      );
    }
  }
  if (source.deadline && raw && typeof raw === "object") {
    const record = raw as { deadline?: Record<string, unknown> };
    raw = { ...record, deadline: { ...record.deadline, at: source.deadline } };
  }
  return parseCampaign(raw, origin);
}

let cached: Campaign | undefined;

/** The running campaign, validated once per process. */
export function campaign(): Campaign {
  cached ??= loadCampaign({ configPath: env().CAMPAIGN_CONFIG, deadline: env().CAMPAIGN_DEADLINE });
  return cached;
}
