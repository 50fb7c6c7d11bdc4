import { type Campaign, campaign as currentCampaign } from "@/lib/campaign";
import type { ConsentWording } from "@/lib/reminders/consent-wording";
import { consentWordingFor } from "@/lib/reminders/schedule";
import { COUNTRY_CODES } from "./rules";

export type PledgeFormChoices = {
  countries: { code: string; name: string }[];
  platforms: { id: string; name: string }[];
  /** The reminders consent's wording for a page rendered now; null: no reminder is left, no consent asked. */
  consentWording: ConsentWording | null;
};

/**
 * What the pledge form offers, in `locale`: the countries by their names in that
 * language and in its alphabetical order ("somewhere else" is the form's own last
 * option), and the campaign's platforms. The same on /pledge and on invitation pages.
 */
export function pledgeFormChoices(locale: string, campaign: Campaign = currentCampaign()): PledgeFormChoices {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const countries = COUNTRY_CODES.filter((code) => code !== "ZZ")
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return {
    countries,
    platforms: campaign.platforms.map((p) => ({ id: p.id, name: p.name })),
    consentWording: consentWordingFor(campaign, new Date()),
  };
}
