// GET /api/organiser/stats.csv - the aggregate figures per day and per country as CSV, for organisers.
//
// Auth: the organiser role (session cookie); 404 for anyone else, as the console's pages.
// Response: text/csv `kind,key,verified_pledges`; counts hidden as on /stats. No personal data.
import { currentOrganiser } from "@/lib/auth/organiser";
import { campaign } from "@/lib/campaign";
import { apiError, unexpectedError } from "@/lib/http/api-error";
import { loggerFor } from "@/lib/http/request-log";
import { buildStatsCsv } from "@/lib/organiser/build-stats-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const log = loggerFor(request.headers, { route: "organiser/stats.csv" });
  try {
    if (!(await currentOrganiser())) return apiError(404, "not_found", "Not found.");
    const c = campaign();
    return new Response(await buildStatsCsv(c), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${c.id}-stats.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return unexpectedError(log, "organiser/stats.csv", error);
  }
}
