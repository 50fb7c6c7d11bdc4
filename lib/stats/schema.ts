import { z } from "zod";

// The public figures, as the /stats page shows them and /api/stats returns them.
// One schema for both: every figure is parsed through it before anyone sees it, so
// the privacy rule below holds by construction, not by care in each view.

/** Counts per country below this are published as "fewer than" it, never exactly. */
export const PRIVACY_THRESHOLD = 10;

const count = z.number().int().nonnegative();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const publicStatsSchema = z
  .object({
    campaignId: z.string().min(1).describe("The campaign's id from its config file."),
    generatedAt: z.iso.datetime().describe("When these figures were read from the counters."),
    maxStalenessSeconds: z
      .number()
      .int()
      .positive()
      .describe("Upper bound on how old the figures can be, whatever caches sit in between."),
    privacyThreshold: z.literal(PRIVACY_THRESHOLD).describe("Country counts below it are null."),
    deadline: z.object({
      at: z.iso.datetime({ offset: true }),
      timeZone: z.string(),
      isPast: z.boolean(),
    }),
    totals: z.object({
      pledges: count.describe("Every pledge made, verified or not."),
      verifiedPledges: count.describe("Pledges whose email address was confirmed."),
      referredPledges: count.describe("Verified pledges that came through someone's referral link."),
      finished: count.describe("People who filed every objection they need."),
      objectionsSubmitted: count.describe(
        "Accounts whose objection people report as submitted, all platforms.",
      ),
      objectionsConfirmed: count.describe("Accounts whose objection the platform confirmed, all platforms."),
    }),
    referralShare: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe("referredPledges / verifiedPledges; null while there are no verified pledges."),
    platforms: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        submitted: count.describe("Objections submitted, as reported by people (includes confirmed)."),
        confirmed: count.describe("Objections the platform confirmed."),
      }),
    ),
    countries: z
      .array(
        z.object({
          code: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .describe("ISO 3166-1 alpha-2; ZZ is outside the EU/EEA."),
          count: z
            .number()
            .int()
            .min(PRIVACY_THRESHOLD)
            .nullable()
            .describe(
              `Verified pledges; null means hidden: fewer than ${PRIVACY_THRESHOLD}, or hidden with the smaller ones so that hidden countries hold at least ${PRIVACY_THRESHOLD} together.`,
            ),
        }),
      )
      .describe("Every EU/EEA country and ZZ, largest first, then the ones below the threshold by code."),
    perDay: z
      .array(z.object({ day: isoDay, count }))
      .describe(
        "Verified pledges per day in the campaign's time zone, from the first to the last day with any.",
      ),
  })
  .strict();

export type PublicStats = z.infer<typeof publicStatsSchema>;
export type CountryFigure = PublicStats["countries"][number];
export type DayFigure = PublicStats["perDay"][number];
