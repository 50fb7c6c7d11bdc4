// GET /api/calendar?locale=en - the campaign's deadline as an .ics file, for people who prefer no email.
//
// Public and the same for everyone (no personal data), so it may be cached.
import { z } from "zod";
import { campaign } from "@/lib/campaign";
import { env } from "@/lib/env";
import { apiError } from "@/lib/http/api-error";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { buildDeadlineIcs, formatDeadline, remindersTranslator } from "@/lib/reminders";

export const dynamic = "force-dynamic";

const querySchema = z.object({ locale: z.enum(LOCALES).default(DEFAULT_LOCALE) });

export function GET(request: Request): Response {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(422, "invalid_locale", "Unknown locale.");
  const { locale } = parsed.data;
  const c = campaign();
  const appUrl = new URL(env().APP_URL);
  const t = remindersTranslator(locale);
  const ics = buildDeadlineIcs(
    c,
    {
      summary: t("calendar.summary", { company: c.company }),
      description: t("calendar.description", {
        deadline: formatDeadline(c, locale),
        url: `${appUrl.origin}/${locale}/dashboard`,
      }),
    },
    appUrl.hostname,
  );
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${c.id}-deadline.ics"`,
      "cache-control": "public, max-age=3600",
    },
  });
}
