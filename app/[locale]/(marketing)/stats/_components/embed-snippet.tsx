import { getLocale, getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/ui/copy-button";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";

type Props = { appUrl: string; campaignName: string };

/** The iframe code for organisers, in a read-only field they can select and copy. */
export async function EmbedSnippet({ appUrl, campaignName }: Props) {
  const [t, locale] = await Promise.all([getTranslations("stats"), getLocale()]);
  const origin = appUrl.replace(/\/+$/, "");
  const title = t("embedFrameTitle", { campaign: campaignName }).replaceAll('"', "&quot;");
  // The counter in the page's language (app/embed/counter/page.tsx reads ?lang=).
  const src = `${origin}/embed/counter${locale === DEFAULT_LOCALE ? "" : `?lang=${locale}`}`;
  const snippet = `<iframe src="${src}" title="${title}" width="320" height="200" style="border:0" loading="lazy"></iframe>`;
  const apiUrl = `${origin}/api/stats`;
  return (
    <section aria-labelledby="embed-heading">
      <h2 id="embed-heading" className="text-2xl font-bold">
        {t("embedHeading")}
      </h2>
      <p className="mt-2 text-ink-muted">{t("embedIntro")}</p>
      <label htmlFor="embed-code" className="mt-4 block text-sm font-semibold">
        {t("embedLabel")}
      </label>
      <textarea
        id="embed-code"
        readOnly
        rows={3}
        value={snippet}
        className="mt-1 w-full rounded-md border border-line-strong bg-surface-muted p-3 font-mono text-sm text-ink"
      />
      <div className="mt-2">
        <CopyButton
          value={snippet}
          label={t("embedCopy")}
          copiedLabel={t("embedCopied")}
          failedLabel={t("embedCopyFailed")}
        />
      </div>
      <p className="mt-4 text-ink-muted">
        {t.rich("apiNote", {
          url: apiUrl,
          link: (chunks) => (
            <a href={apiUrl} className="font-medium text-accent underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </section>
  );
}
