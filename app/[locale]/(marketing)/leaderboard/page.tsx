import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { campaign } from "@/lib/campaign";
import { isBuildPhase } from "@/lib/http/page-cache";
import { pageMetadata } from "@/lib/i18n/metadata";
import { getLeaderboard } from "@/lib/referrals";

// Revalidated with the other public pages ((marketing)/layout.tsx): a name that joins,
// changes or leaves shows within the bound in lib/http/page-cache.ts.

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "referrals.leaderboard" });
  const title = t("pageTitle");
  const description = t("pageDescription", { company: campaign().company });
  return {
    ...pageMetadata({ locale, path: "/leaderboard", title, description }),
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function LeaderboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format, entries] = await Promise.all([
    getTranslations("referrals.leaderboard"),
    getFormatter(),
    // Not while `next build` prerenders (lib/http/page-cache.ts): no database then.
    isBuildPhase() ? [] : getLeaderboard(campaign().id),
  ]);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10">
      <h1 className="text-3xl font-bold">{t("pageTitle")}</h1>
      <p className="text-ink-muted">{t("pageIntro")}</p>
      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b-2 border-line-strong">
              <th scope="col" className="py-2 pr-4">
                {t("rank")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("name")}
              </th>
              <th scope="col" className="py-2 text-right">
                {t("friends")}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.rank} className="border-b border-line">
                <td className="py-2 pr-4">{format.number(entry.rank)}</td>
                {/* Plain text: React escapes it, so markup in a name stays inert. */}
                <th scope="row" className="break-words py-2 pr-4 font-semibold">
                  {entry.name}
                </th>
                <td className="py-2 text-right">{format.number(entry.verified)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-sm text-ink-muted">{t("howToJoin")}</p>
    </div>
  );
}
