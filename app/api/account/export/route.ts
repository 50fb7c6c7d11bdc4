// GET|POST /api/account/export - "download my data": everything stored about the signed-in person, as one JSON file.
//
// Signed-in only (401 otherwise); same-site only (403 for cross-site requests, see
// lib/security/origin.ts). Fields are documented in the file's "documentation" key and
// on the privacy policy page. Never cached.
import { currentUser } from "@/lib/auth/session";
import { apiError, unexpectedError } from "@/lib/http/api-error";
import { loggerFor } from "@/lib/http/request-log";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { exportFileName, exportPersonalData, serializeExport } from "@/lib/privacy";
import { exportDocumentation } from "@/lib/privacy/documentation";
import { checkSameOrigin, crossSiteResponse } from "@/lib/security";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const log = loggerFor(request.headers, { route: "account/export" });
  if (!checkSameOrigin(request).ok) return crossSiteResponse();
  try {
    const user = await currentUser();
    if (!user) return apiError(401, "signed_out", "Sign in to download your data.");
    const now = new Date();
    const data = await exportPersonalData(user.id, { now });
    if (!data) return apiError(401, "signed_out", "Sign in to download your data.");
    const requested = new URL(request.url).searchParams.get("locale") ?? data.pledges.at(-1)?.locale ?? "";
    const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
    const documentation = exportDocumentation(locale);
    log.info({ userId: user.id }, "personal data exported");
    return new Response(serializeExport(data, documentation), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFileName(now)}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return unexpectedError(log, "account/export", error);
  }
}

export const GET = handle;
export const POST = handle;
