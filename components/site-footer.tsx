import { getTranslations } from "next-intl/server";
import { campaign } from "@/lib/campaign";
import { Link } from "@/lib/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  const tAccount = await getTranslations("account");
  const { organiser } = campaign();
  return (
    <footer className="mt-16 border-t border-line bg-surface-muted">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-8 text-sm text-ink-muted">
        <p>{t("organisedBy", { organiser: organiser.name })}</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <a className="underline" href={`mailto:${organiser.email}`}>
              {t("contact")}
            </a>
          </li>
          <li>
            <Link className="underline" href="/privacy">
              {t("privacy")}
            </Link>
          </li>
          <li>
            <Link className="underline" href="/account">
              {tAccount("navLink")}
            </Link>
          </li>
        </ul>
        <p>{t("source")}</p>
      </div>
    </footer>
  );
}
