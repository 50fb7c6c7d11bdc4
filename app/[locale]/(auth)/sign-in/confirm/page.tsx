import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { Link } from "@/lib/i18n/navigation";

export const metadata: Metadata = { robots: { index: false } };

const linkSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  email: z.email().max(254),
  callbackUrl: z.string().startsWith("/").max(500).optional(),
});

// The mailed link lands here: a page that changes nothing, so mail scanners that
// open links do not use up the single-use token. The button continues to Auth.js.
export default async function ConfirmSignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth.confirm");
  const raw = await searchParams;
  const callback =
    typeof raw.callbackUrl === "string" ? raw.callbackUrl.replace(/^https?:\/\/[^/]+/, "") : undefined;
  const parsed = linkSchema.safeParse({ token: raw.token, email: raw.email, callbackUrl: callback });
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {parsed.success ? (
        <form method="get" action="/api/auth/callback/email" className="mt-6 flex flex-col gap-4">
          <p>{t("body", { email: parsed.data.email })}</p>
          <input type="hidden" name="token" value={parsed.data.token} />
          <input type="hidden" name="email" value={parsed.data.email} />
          <input type="hidden" name="callbackUrl" value={parsed.data.callbackUrl ?? `/${locale}/dashboard`} />
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
          >
            {t("submit")}
          </button>
        </form>
      ) : (
        <p className="mt-3">
          {t("invalid")}{" "}
          <Link href="/sign-in" className="underline">
            {t("title")}
          </Link>
        </p>
      )}
    </div>
  );
}
