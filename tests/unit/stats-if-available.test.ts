import { afterEach, describe, expect, it, vi } from "vitest";

// The pages that show figures (landing, stats, embed) render without them rather than
// fail: while `next build` prerenders (no database) and when the counters cannot be read.

const readCounters = vi.hoisted(() => vi.fn());
vi.mock("@/lib/stats/counters", () => ({ readCounters }));
vi.mock("@/lib/log", () => ({ logger: { error: vi.fn() } }));

const { loadCampaign } = await import("@/lib/campaign");
const { logger } = await import("@/lib/log");
const { getPublicStatsIfAvailable } = await import("@/lib/stats/public-stats");

// Each test its own campaign id: the figures are cached per campaign, on globalThis.
const campaignWithId = (id: string) => ({ ...loadCampaign(), id });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.clearAllMocks();
});

describe("figures for a page that renders without them", () => {
  it("are not read while next build prerenders", async () => {
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    expect(await getPublicStatsIfAvailable(campaignWithId("if-available-build"), { route: "t" })).toBeNull();
    expect(readCounters).not.toHaveBeenCalled();
  });

  it("are null, and the failure logged, when the counters cannot be read", async () => {
    readCounters.mockRejectedValueOnce(new Error("database down"));
    expect(
      await getPublicStatsIfAvailable(campaignWithId("if-available-down"), { route: "landing" }),
    ).toBeNull();
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ module: "stats", route: "landing" }),
      "figures unavailable",
    );
  });

  it("are the public figures otherwise", async () => {
    readCounters.mockResolvedValueOnce(new Map([["verified", 7]]));
    const stats = await getPublicStatsIfAvailable(campaignWithId("if-available-up"), { route: "t" });
    expect(stats?.totals.verifiedPledges).toBe(7);
  });
});
