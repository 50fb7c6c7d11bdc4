import { getFormatter, getTranslations } from "next-intl/server";
import type { Campaign } from "@/lib/campaign";
import { Link } from "@/lib/i18n/navigation";
import { getPublicStatsIfAvailable } from "@/lib/stats";

/**
 * How many people have pledged so far (verified pledges, the figure of the embeddable
 * counter), in the HTML of the landing page's hero: the page is revalidated with the
 * other public pages, so the figure is as fresh as /stats says, without any script.
 * When the figures cannot be read (while `next build` prerenders, or the database is
 * down) it leaves nothing behind: the hero reads the same without it.
 */
export async function PledgeCounter({ campaign }: { campaign: Campaign }) {
  const stats = await getPublicStatsIfAvailable(campaign, { route: "landing" });
  if (!stats) return null;
  const t = await getTranslations("landing");
  const format = await getFormatter();
  const count = stats.totals.verifiedPledges;
  return (
    <div className="mt-8 border-l-4 border-brand-100 pl-4">
      <p className="flex flex-wrap items-baseline gap-x-3">
        <span className="text-4xl font-extrabold tabular-nums text-white sm:text-5xl">
          {format.number(count)}
        </span>{" "}
        <span className="text-lg text-brand-50">{t("counterLabel", { count })}</span>
      </p>
      <Link
        href="/stats"
        className="mt-1 inline-block text-sm text-white underline underline-offset-4 hover:text-brand-100"
      >
        {t("counterLink")}
      </Link>
    </div>
  );
}
