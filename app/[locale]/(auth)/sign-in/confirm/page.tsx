import { getTranslations, setRequestLocale } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { confirmLinkSchema } from "@/lib/auth/sign-in-confirmation";
import { Link } from "@/lib/i18n/navigation";
import type { LocaleSearchPageProps } from "@/types/page-props";

// The mailed link lands here: a page that changes nothing, so mail scanners that
// open links do not use up the single-use token. It names the account the link
// opens, warns when another one is signed in here, and its button POSTs (same site
// only) on to Auth.js: see lib/auth/sign-in-confirmation.ts.
export default async function ConfirmSignInPage({ params, searchParams }: LocaleSearchPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auth.confirm");
  const raw = await searchParams;
  const callback =
    typeof raw.callbackUrl === "string" ? raw.callbackUrl.replace(/^https?:\/\/[^/]+/, "") : undefined;
  const parsed = confirmLinkSchema.safeParse({ token: raw.token, email: raw.email, callbackUrl: callback });
  if (!parsed.success) {
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3">
          {t("invalid")}{" "}
          <Link href="/sign-in" className="underline">
            {t("title")}
          </Link>
        </p>
      </div>
    );
  }
  const { email, token, callbackUrl } = parsed.data;
  // Set by lib/auth when the link also confirms a new pledge; it changes only the words.
  const isPledge = raw.purpose === "pledge";
  const signedIn = await currentUser();
  const isSwitching = signedIn !== null && signedIn.email.toLowerCase() !== email.toLowerCase();
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold">{isPledge ? t("pledgeTitle") : t("title")}</h1>
      <p className="mt-6">{isPledge ? t("pledgeFor") : t("signingInAs")}</p>
      <p className="mt-1 break-all text-xl font-semibold">{email}</p>
      {isSwitching ? (
        <Card as="p" tone="warning" variant="filled" padding="sm" className="mt-4 text-warning-900">
          {t("switchAccount", { current: signedIn.email, email })}
        </Card>
      ) : null}
      <form method="post" action={`/${locale}/sign-in/confirm/continue`} className="mt-6 flex flex-col gap-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? `/${locale}/dashboard`} />
        <Button type="submit" size="lg">
          {isPledge ? t("pledgeSubmit") : t("submit")}
        </Button>
      </form>
      {isPledge && <p className="mt-4">{t("pledgeNext")}</p>}
      <p className="mt-4 text-sm">{t("notYou")}</p>
    </div>
  );
}
