import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tMeta = await getTranslations("meta");
  const tAccount = await getTranslations("account");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-900 no-underline hover:underline">
          {tMeta("siteName")}
        </Link>
        <nav aria-label={t("primary")}>
          <ul className="flex flex-wrap items-center gap-4 text-sm font-medium">
            <li>
              <Link href="/account" className="text-slate-700 underline-offset-4 hover:underline">
                {tAccount("navLink")}
              </Link>
            </li>
            <li>
              <Link href="/stats" className="text-slate-700 underline-offset-4 hover:underline">
                {t("stats")}
              </Link>
            </li>
            <li>
              <Link
                href="/pledge"
                className="rounded-md bg-brand-700 px-3 py-2 text-white hover:bg-brand-900"
              >
                {t("pledge")}
              </Link>
            </li>
            <li>
              <LanguageSwitcher />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
