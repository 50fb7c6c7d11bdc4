// GET /api/stats - the campaign's public figures as JSON, for embeds and anyone's own charts.
//
// Response: the `publicStatsSchema` shape from lib/stats/schema.ts (the /stats page
// renders the same object): campaignId, generatedAt, maxStalenessSeconds,
// privacyThreshold, deadline { at, timeZone, isPast }, totals { pledges,
// verifiedPledges, referredPledges, finished, objectionsSubmitted,
// objectionsConfirmed }, referralShare (0..1 or null), platforms [{ id, name,
// submitted, confirmed }], countries [{ code, count }] (count null = fewer than
// privacyThreshold), perDay [{ day, count }]. Every figure but totals.pledges counts
// verified pledges only; people who deleted their account are not counted.
// Freshness: at most maxStalenessSeconds old, caches included (lib/stats/cache.ts).
// Open to every origin (CORS *), no credentials; errors are { error: { code, message } }.
import { loggerFor } from "@/lib/http/request-log";
import { getPublishedStats, STATS_CACHE_CONTROL } from "@/lib/stats";

export const dynamic = "force-dynamic";

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-max-age": "86400",
};

export async function GET(request: Request) {
  try {
    const { json } = await getPublishedStats();
    return new Response(json, {
      status: 200,
      headers: {
        ...CORS_HEADERS,
        "content-type": "application/json; charset=utf-8",
        "cache-control": STATS_CACHE_CONTROL,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    loggerFor(request.headers, { route: "stats" }).error({ err: error }, "stats unavailable");
    return Response.json(
      { error: { code: "unavailable", message: "The figures are not available right now." } },
      { status: 503, headers: { ...CORS_HEADERS, "cache-control": "no-store", "retry-after": "30" } },
    );
  }
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
