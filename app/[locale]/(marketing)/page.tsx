import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Countdown } from "@/components/countdown";
import { ExternalLink } from "@/components/external-link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { campaign, deadlineOf, localized } from "@/lib/campaign";
import { Link } from "@/lib/i18n/navigation";
import { consentWordingFor } from "@/lib/reminders/schedule";
import { HowItWorks } from "./_components/how-it-works";
import { PledgeCounter } from "./_components/pledge-counter";

/** What the pledge section promises about reminders: only those still to come. */
const PLEDGE_BODY = { before: "pledgeBody", after: "pledgeBodyAfter", none: "pledgeBodyNone" } as const;

export default async function LandingPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("landing");
  const format = await getFormatter();
  const c = campaign();
  const deadline = deadlineOf(c);
  const deadlineLabel = format.dateTime(deadline, {
    dateStyle: "long",
    timeZone: c.deadline.timeZone,
  });
  const text = (value: Parameters<typeof localized>[0]) => localized(value, locale);

  return (
    <>
      {/* The same dark blue, and the same buttons, in both schemes; focus rings turn white on it. */}
      <section className="bg-brand-900 text-white [--color-focus:#ffffff]">
        <div className="mx-auto max-w-5xl px-4 py-10 sm:py-16">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-100">{t("eyebrow")}</p>
          <h1 className="mt-2 text-3xl font-extrabold leading-tight sm:text-5xl">{text(c.name)}</h1>
          <p className="mt-4 max-w-2xl text-lg text-brand-50">{text(c.summary)}</p>
          <PledgeCounter campaign={c} />
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <Link href="/pledge" className={buttonClass({ variant: "inverse", size: "lg" })}>
              {t("ctaPledge")}
            </Link>
            <a href="#forms" className={buttonClass({ variant: "inverse-secondary", size: "lg" })}>
              {t("ctaForms")}
            </a>
          </div>
        </div>
      </section>

      <div className="mx-auto max-w-5xl space-y-12 px-4 py-10">
        <Countdown
          deadlineMs={deadline.getTime()}
          renderedAtMs={Date.now()}
          company={c.company}
          deadlineLabel={deadlineLabel}
        />

        <HowItWorks company={c.company} />

        <div className="grid gap-8 md:grid-cols-2">
          <section aria-labelledby="taken">
            <h2 id="taken" className="text-2xl font-bold">
              {t("takenHeading", { company: c.company })}
            </h2>
            <ul className="mt-4 list-disc space-y-2 pl-5">
              {c.facts.taken.map((fact) => (
                <li key={fact.en}>{text(fact)}</li>
              ))}
            </ul>
          </section>
          {c.facts.notTaken.length > 0 && (
            <section aria-labelledby="not-taken">
              <h2 id="not-taken" className="text-2xl font-bold">
                {t("notTakenHeading")}
              </h2>
              <ul className="mt-4 list-disc space-y-2 pl-5">
                {c.facts.notTaken.map((fact) => (
                  <li key={fact.en}>{text(fact)}</li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <section aria-labelledby="why">
          <h2 id="why" className="text-2xl font-bold">
            {t("whyHeading")}
          </h2>
          <ul className="mt-4 max-w-3xl list-disc space-y-2 pl-5">
            {c.facts.whyItMatters.map((reason) => (
              <li key={reason.en}>{text(reason)}</li>
            ))}
          </ul>
        </section>

        <section id="forms" aria-labelledby="forms-heading" className="scroll-mt-4">
          <h2 id="forms-heading" className="text-2xl font-bold">
            {t("formsHeading")}
          </h2>
          <p className="mt-2 text-ink-muted">{t("formsIntro")}</p>
          <ul className="mt-4 grid gap-4 sm:grid-cols-3">
            {c.platforms.map((platform) => (
              <Card as="li" key={platform.id} className="flex flex-col gap-3">
                <h3 className="text-lg font-semibold">{platform.name}</h3>
                {platform.caveats
                  .filter((caveat) => caveat.severity === "warning")
                  .map((caveat) => (
                    <p key={caveat.text.en} className="text-sm text-ink-muted">
                      {text(caveat.text)}
                    </p>
                  ))}
                <ExternalLink
                  href={platform.formUrl}
                  newTabLabel={t("opensInNewTab")}
                  className={buttonClass({ className: "mt-auto" })}
                >
                  {t("openForm", { platform: platform.name })}
                </ExternalLink>
              </Card>
            ))}
          </ul>
        </section>

        <Card as="section" variant="soft" padding="lg" aria-labelledby="pledge-heading">
          <h2 id="pledge-heading" className="text-2xl font-bold">
            {t("pledgeHeading")}
          </h2>
          <p className="mt-2 max-w-2xl">
            {t(PLEDGE_BODY[consentWordingFor(c, new Date()) ?? "none"], { company: c.company })}
          </p>
          <p className="mt-2 text-sm text-ink-muted">{t("privacyNote")}</p>
          <Link href="/pledge" className={buttonClass({ size: "lg", className: "mt-4" })}>
            {t("ctaPledge")}
          </Link>
        </Card>

        {c.faq.length > 0 && (
          <section aria-labelledby="faq-heading">
            <h2 id="faq-heading" className="text-2xl font-bold">
              {t("faqHeading")}
            </h2>
            <Card padding="none" className="mt-3 divide-y divide-line">
              {c.faq.map((item) => (
                <details key={localized(item.question, "en")} className="group px-4 py-3">
                  <summary className="cursor-pointer font-semibold text-accent-strong marker:text-accent">
                    {localized(item.question, locale)}
                  </summary>
                  <p className="mt-2 max-w-2xl">{localized(item.answer, locale)}</p>
                </details>
              ))}
            </Card>
          </section>
        )}
      </div>
    </>
  );
}
