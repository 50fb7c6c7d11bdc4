import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { campaign } from "@/lib/campaign";
import { getReferralCard, qrCodeSvg, type ReferrerPledge } from "@/lib/referrals";
import { MILESTONES, SMALL_COUNT_K, shownInviteCount } from "@/lib/referrals/rules";
import { InviteLeaderboardForm } from "./invite-leaderboard-form";
import { InvitePreviewForm } from "./invite-preview-form";
import { QrCode } from "./qr-code";
import { ShareSheet } from "./share-sheet";

/**
 * "Invite your friends" (#invite): the personal link, ways to share it, and what it
 * achieved, as counts only. Reads the signed-in person's own figures of the running
 * campaign by their pledge (read by the page from their user id).
 */
export async function ReferralCard({
  locale,
  userId,
  campaignId,
  pledge,
  hasFiled,
}: {
  locale: string;
  userId: string;
  campaignId: string;
  pledge: ReferrerPledge;
  /** Whether the person filed an objection yet: the message says "I objected" only then. */
  hasFiled: boolean;
}) {
  const card = await getReferralCard(userId, campaignId, pledge);
  if (!card) return null;
  const [t, tShare, format] = await Promise.all([
    getTranslations({ locale, namespace: "referrals.card" }),
    getTranslations({ locale, namespace: "referrals.share" }),
    getFormatter(),
  ]);
  const company = campaign().company;
  const qr = await qrCodeSvg(card.url, t("qrTitle"), "invite-qr-title");
  const figures = [
    { key: "visits", label: t("visits"), value: card.visits },
    { key: "verified", label: t("verified"), value: card.verified },
    { key: "objected", label: t("objected"), value: card.objected },
    { key: "friends-of-friends", label: t("friendsOfFriends"), value: card.friendsOfFriends },
  ];

  return (
    <Card
      as="section"
      id="invite"
      aria-labelledby="invite-heading"
      padding="lg"
      className="flex scroll-mt-4 flex-col gap-8"
    >
      <div>
        <h2 id="invite-heading" className="text-2xl font-bold">
          {t("title")}
        </h2>
        <p className="mt-2 text-ink-muted">{t("intro")}</p>
      </div>

      <div className="flex flex-col gap-2">
        <ShareSheet
          url={card.url}
          message={tShare(hasFiled ? "message" : "messagePledged", { company })}
          subject={tShare("subject", { company })}
          extra={<QrCode svg={qr} caption={t("qrCaption")} />}
        />
        <p className="text-sm text-ink-subtle">{t("linkHint")}</p>
      </div>

      <Disclosure summary={t("resultsAndSettings")}>
        <section aria-labelledby="invite-results-heading">
          <h3 id="invite-results-heading" className="text-xl font-bold">
            {t("resultsTitle")}
          </h3>
          <p className="mt-1 text-sm text-ink-subtle">{t("resultsHint")}</p>
          <dl className="mt-4 grid gap-3 sm:grid-cols-2">
            {figures.map((figure) => (
              <Card
                key={figure.key}
                variant="soft"
                padding="sm"
                className="flex flex-col"
                data-figure={figure.key}
              >
                <dt className="text-sm text-ink-muted">{figure.label}</dt>
                <dd className="text-2xl font-bold">
                  {shownInviteCount(figure.value) === null
                    ? t("fewerThan", { count: SMALL_COUNT_K })
                    : format.number(figure.value)}
                </dd>
              </Card>
            ))}
          </dl>
          <p className="mt-2 text-sm text-ink-subtle">{t("friendsOfFriendsHint")}</p>
        </section>

        <section aria-labelledby="invite-badges-heading">
          <h3 id="invite-badges-heading" className="text-xl font-bold">
            {t("badgesTitle")}
          </h3>
          <ul className="mt-3 flex flex-wrap gap-3">
            {MILESTONES.map((milestone) => {
              const isEarned = card.milestones.includes(milestone);
              return (
                <li
                  key={milestone}
                  data-earned={isEarned}
                  className={
                    isEarned
                      ? "rounded-full border-2 border-success bg-success-50 px-4 py-2 font-semibold text-success-900"
                      : "rounded-full border-2 border-dashed border-line-strong px-4 py-2 text-ink-muted"
                  }
                >
                  {t("badge", { count: milestone })}: {isEarned ? t("badgeEarned") : t("badgeNotYet")}
                </li>
              );
            })}
          </ul>
          <p className="mt-3">
            {card.nextMilestone === null
              ? t("allBadges")
              : card.verified < SMALL_COUNT_K
                ? t("firstBadge", { count: MILESTONES[0] })
                : t("nextBadge", { left: card.nextMilestone - card.verified })}
          </p>
        </section>

        <InvitePreviewForm locale={locale} firstName={card.firstName} isShown={card.showFirstNameOnShare} />
        <InviteLeaderboardForm
          locale={locale}
          name={card.leaderboardName}
          isOnLeaderboard={card.isOnLeaderboard}
          isFlagged={card.isFlagged}
        />
      </Disclosure>
    </Card>
  );
}
