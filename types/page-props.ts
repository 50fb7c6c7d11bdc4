/** The props Next.js gives a page under [locale] that reads its query string. */
export type LocaleSearchPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
