import type { Metadata } from "next";
import { env } from "@/lib/env";
import { pageMetadata } from "@/lib/i18n/metadata";
import { OG_SIZE } from "./og";
import { referralUrl } from "./share";

/**
 * The head of an invitation page, read by link previews (WhatsApp, Telegram, Signal,
 * Messenger, X, Bluesky, Mastodon, LinkedIn) without running scripts: the shared
 * link itself as og:url, so a preview shared on points to /r/CODE again (which counts
 * and credits the visit), its own image, and the title the caller chose (with the
 * first name only if its owner opted in). Not indexed: it is one person's invitation.
 */
export function invitationMetadata({
  locale,
  code,
  title,
  description,
  siteName,
}: {
  locale: string;
  code: string;
  title: string;
  description: string;
  siteName: string;
}): Metadata {
  // Canonical /<locale>/r/CODE, hreflang alternates, and x-default /r/CODE (which
  // picks the visitor's language).
  const page = pageMetadata({ locale, path: `/r/${code}`, title, description });
  const url = referralUrl(env().APP_URL, code);
  const image = { url: `${url}/image`, type: "image/png", ...OG_SIZE, alt: title };
  return {
    ...page,
    // The whole title: the layout's "· site name" template would crowd previews.
    title: { absolute: title },
    robots: { index: false, follow: true },
    openGraph: { ...page.openGraph, type: "website", siteName, url, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image.url, alt: title }] },
  };
}
