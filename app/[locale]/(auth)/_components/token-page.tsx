import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { pageMetadata } from "@/lib/i18n/metadata";

// The pages a reminder's link opens, with its token in `?t=` as the only proof. GET
// only shows what the button would do (mail scanners open links); the button POSTs.

export type TokenPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ t?: string | string[] }>;
};

/** The page's locale, set for this request, and the token of its URL ("" when missing). */
export async function readTokenPage({ params, searchParams }: TokenPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { t } = await searchParams;
  return { locale, token: typeof t === "string" ? t : "" };
}

/** Kept out of Referer headers (the group layout keeps it out of search engines): the URL holds the token. */
export function tokenPageMetadata(page: { locale: string; path: string; title: string }): Metadata {
  return { ...pageMetadata(page), referrer: "no-referrer" };
}

/** The page's body: its question and button while the token holds, else why it does not. */
export async function ConfirmByToken({
  check,
  title,
  invalidTitle,
  invalidHelp,
  children,
}: {
  check: { ok: true } | { ok: false; error: string } | null;
  title: string;
  invalidTitle: string;
  /** Shown under the reason when the token does not hold. */
  invalidHelp?: ReactNode;
  children: ReactNode;
}) {
  const tErrors = await getTranslations("reminders.errors");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-10">
      {check?.ok ? (
        <>
          <h1 className="text-3xl font-bold">{title}</h1>
          {children}
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold">{invalidTitle}</h1>
          <p>{tErrors(check && tErrors.has(check.error) ? check.error : "token_invalid")}</p>
          {invalidHelp}
        </>
      )}
    </div>
  );
}
