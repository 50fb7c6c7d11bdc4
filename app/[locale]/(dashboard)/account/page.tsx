import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { pageMetadata } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "account" });
  return pageMetadata({ locale, path: "/account", title: t("metaTitle") });
}

const SECTION = "flex flex-col gap-3";

/** The person's own data: download it, change email preferences, delete it all. */
export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const t = await getTranslations("account");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-10 px-4 py-10">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-ink-muted">{t("signedInAs", { email: user.email })}</p>
      </header>

      <section aria-labelledby="download-heading" className={SECTION}>
        <h2 id="download-heading" className="text-2xl font-bold">
          {t("download.title")}
        </h2>
        <p>{t("download.body")}</p>
        <a
          href={`/api/account/export?locale=${locale}`}
          download
          className={buttonClass({ className: "self-start" })}
        >
          {t("download.button")}
        </a>
        <Link href="/privacy" className="self-start underline">
          {t("privacyLink")}
        </Link>
      </section>

      <section aria-labelledby="preferences-heading" className={SECTION}>
        <h2 id="preferences-heading" className="text-2xl font-bold">
          {t("preferences.title")}
        </h2>
        <p>{t("preferences.body")}</p>
        <Link href="/dashboard#reminders-heading" className="self-start underline">
          {t("preferences.link")}
        </Link>
      </section>

      <section aria-labelledby="delete-heading" className={SECTION}>
        <h2 id="delete-heading" className="text-2xl font-bold">
          {t("delete.title")}
        </h2>
        <p>{t("delete.body")}</p>
        <Link
          href="/account/delete"
          className={buttonClass({ variant: "danger-secondary", className: "self-start" })}
        >
          {t("delete.link")}
        </Link>
      </section>
    </div>
  );
}
