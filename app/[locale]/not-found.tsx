import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block underline">
        {t("backHome")}
      </Link>
    </div>
  );
}
