import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PledgeForm } from "@/components/pledge-form";
import { AlreadyPledged } from "@/components/signed-in-hint";
import { campaign, localized } from "@/lib/campaign";
import { Link } from "@/lib/i18n/navigation";
import { pledgeFormChoices } from "@/lib/pledges/form-choices";
import { getInvitation } from "@/lib/referrals/invitation";
import { invitationMetadata } from "@/lib/referrals/invitation-metadata";

// The invitation a personal link opens: /r/CODE (app/r/[code]/route.ts) counts the
// visit, leaves the cookie and sends the visitor here in their language. Cached like
// the other public pages ((marketing)/layout.tsx), from each code's first request on:
// the same HTML for everyone who opens this link, so nothing here reads the request.
// The form posts the code itself, so the pledge credits the inviter without
// JavaScript or cookies.

type Props = { params: Promise<{ locale: string; code: string }> };

/** None at build time; listing the route (even empty) makes Next.js cache each code's page. */
export function generateStaticParams(): { code: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params;
  const invitation = await getInvitation(code);
  if (!invitation) return {};
  const [t, tMeta] = await Promise.all([
    getTranslations({ locale, namespace: "referrals.og" }),
    getTranslations({ locale, namespace: "meta" }),
  ]);
  const company = campaign().company;
  const name = invitation.preview.firstName;
  return invitationMetadata({
    locale,
    code: invitation.preview.code,
    title: name ? t("referralTitle", { name, company }) : t("referralTitleAnonymous", { company }),
    description: t("referralDescription", { company }),
    siteName: tMeta("siteName"),
  });
}

export default async function InvitationPage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const invitation = await getInvitation(code);
  // An unknown or malformed code: the landing page, as from /r/CODE.
  if (!invitation) redirect(`/${locale}`);
  const { preview, pledged } = invitation;
  const [t, tPledge, tLanding] = await Promise.all([
    getTranslations("referrals.invite"),
    getTranslations("pledge"),
    getTranslations("landing"),
  ]);
  const c = campaign();

  return (
    <>
      <section aria-labelledby="invitation-heading" className="bg-brand-900 text-white">
        <div className="mx-auto max-w-5xl px-4 py-10 sm:py-14">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-100">
            {tLanding("eyebrow")}
          </p>
          <h1 id="invitation-heading" className="mt-2 text-3xl font-extrabold leading-tight sm:text-4xl">
            {preview.firstName
              ? t("headingNamed", { name: preview.firstName, company: c.company })
              : t("heading", { company: c.company })}
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-brand-50">{localized(c.summary, locale)}</p>
          <p className="mt-3 max-w-2xl text-brand-50">{t("about", { company: c.company })}</p>
          {pledged !== null && (
            <p className="mt-6 text-lg">
              {t.rich("pledged", {
                count: pledged,
                figure: (chunks) => (
                  <strong data-figure="pledged" className="text-3xl font-extrabold tabular-nums">
                    {chunks}
                  </strong>
                ),
              })}
            </p>
          )}
        </div>
      </section>

      <div className="mx-auto max-w-xl px-4 py-10">
        <section aria-labelledby="invitation-pledge">
          <h2 id="invitation-pledge" className="text-2xl font-bold">
            {tPledge("title")}
          </h2>
          <p className="mt-3 text-ink-muted">{tPledge("intro")}</p>
          <AlreadyPledged />
          <PledgeForm locale={locale} referralCode={preview.code} {...pledgeFormChoices(locale)} />
        </section>
        <p className="mt-10">
          <Link href="/" className="font-semibold text-accent underline underline-offset-4">
            {t("learnMore")}
          </Link>
        </p>
      </div>
    </>
  );
}
