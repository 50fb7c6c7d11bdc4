// The tiny page /r/CODE answers with: link previews (WhatsApp, Telegram, Signal,
// Messenger, X, Bluesky, Mastodon, LinkedIn) read its Open Graph and Twitter tags
// without running scripts, and browsers go straight on to the landing page through
// the zero-delay refresh (the way t.co hands people on). No script, no style, no
// request to anyone else.

export type ReferralLandingPage = {
  locale: string;
  /** Absolute URLs. */
  url: string;
  imageUrl: string;
  landingUrl: string;
  title: string;
  description: string;
  imageAlt: string;
  siteName: string;
  continueLabel: string;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function referralLandingHtml(page: ReferralLandingPage): string {
  const e = escapeHtml;
  const meta = (attribute: "property" | "name", key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${e(value)}">`;
  return [
    "<!doctype html>",
    `<html lang="${e(page.locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="refresh" content="0; url=${e(page.landingUrl)}">`,
    '<meta name="robots" content="noindex">',
    `<title>${e(page.title)}</title>`,
    meta("name", "description", page.description),
    `<link rel="canonical" href="${e(page.url)}">`,
    meta("property", "og:type", "website"),
    meta("property", "og:site_name", page.siteName),
    meta("property", "og:title", page.title),
    meta("property", "og:description", page.description),
    meta("property", "og:url", page.url),
    meta("property", "og:locale", page.locale),
    meta("property", "og:image", page.imageUrl),
    meta("property", "og:image:type", "image/png"),
    meta("property", "og:image:width", "1200"),
    meta("property", "og:image:height", "630"),
    meta("property", "og:image:alt", page.imageAlt),
    meta("name", "twitter:card", "summary_large_image"),
    meta("name", "twitter:title", page.title),
    meta("name", "twitter:description", page.description),
    meta("name", "twitter:image", page.imageUrl),
    meta("name", "twitter:image:alt", page.imageAlt),
    "</head>",
    "<body>",
    `<main><h1>${e(page.title)}</h1><p>${e(page.description)}</p>`,
    `<p><a href="${e(page.landingUrl)}">${e(page.continueLabel)}</a></p></main>`,
    "</body>",
    "</html>",
  ].join("\n");
}
