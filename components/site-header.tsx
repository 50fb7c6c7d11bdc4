import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";
import { BrandMark } from "./brand-mark";
import { LanguageSwitcher } from "./language-switcher";
import { HeaderAction } from "./signed-in-hint";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tMeta = await getTranslations("meta");
  const tAccount = await getTranslations("account");
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          href="/"
          className="flex items-center gap-2 text-lg font-bold text-accent-strong no-underline hover:underline"
        >
          <BrandMark />
          {tMeta("siteName")}
        </Link>
        <nav aria-label={t("primary")}>
          <ul className="flex flex-wrap items-center gap-4 text-sm font-medium">
            <li>
              <Link href="/account" className="text-ink-muted underline-offset-4 hover:underline">
                {tAccount("navLink")}
              </Link>
            </li>
            <li>
              <Link href="/stats" className="text-ink-muted underline-offset-4 hover:underline">
                {t("stats")}
              </Link>
            </li>
            <li>
              {/* "My checklist" for someone with one, read in the browser: this header is on cached pages. */}
              <HeaderAction className={buttonClass({ size: "sm" })} />
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
