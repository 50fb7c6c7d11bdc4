import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { signOut } from "@/lib/actions/sign-out";
import { requireUser } from "@/lib/auth/session";
import { campaign } from "@/lib/campaign";
import { getOwnPledge } from "@/lib/pledges/queries";

export const metadata: Metadata = { robots: { index: false } };

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ welcome?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const [t, tAuth, format, pledge, { welcome }] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("auth"),
    getFormatter(),
    getOwnPledge(user.id),
    searchParams,
  ]);
  const names = new Map(campaign().platforms.map((p) => [p.id, p.name]));
  const platformNames = (pledge?.platforms ?? []).map((id) => names.get(id) ?? id);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <form action={signOut}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="rounded-md border border-slate-400 px-4 py-2 font-semibold">
            {tAuth("signOut")}
          </button>
        </form>
      </div>
      <p className="mt-2 text-slate-700">{t("signedInAs", { email: user.email })}</p>
      {welcome && pledge?.verifiedAt && (
        <p role="status" className="mt-6 rounded-md bg-green-50 p-4 font-semibold text-green-900">
          {t("welcome")}
        </p>
      )}
      {pledge && (
        <p className="mt-6">
          {t("pledgeSummary", { platforms: format.list(platformNames, { type: "conjunction" }) })}
        </p>
      )}
      {pledge && !pledge.verifiedAt && <p className="mt-4">{t("notVerified")}</p>}
    </div>
  );
}
