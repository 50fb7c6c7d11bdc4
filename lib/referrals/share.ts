// Plain share URLs (no third-party script, widget or pixel): each one is an ordinary
// link the browser opens only when the person clicks it. Pure, so the client share
// sheet and the tests build exactly the same URLs.

export type ShareTarget = "whatsapp" | "telegram" | "messenger" | "email" | "x" | "bluesky" | "linkedin";

export type ShareContent = {
  /** The personal link, absolute. */
  url: string;
  /** The invitation, without the link. */
  message: string;
  /** Subject line for email. */
  subject: string;
};

export type ShareLink = { target: ShareTarget; href: string };

const enc = encodeURIComponent;

/** The message followed by the link, as chat apps expect one text. */
export function messageWithLink({ message, url }: Pick<ShareContent, "message" | "url">): string {
  return `${message} ${url}`;
}

/** WhatsApp first: the people we talk to live in Meta's apps. */
export function buildShareLinks(content: ShareContent): ShareLink[] {
  const text = messageWithLink(content);
  return [
    { target: "whatsapp", href: `https://wa.me/?text=${enc(text)}` },
    {
      target: "telegram",
      href: `https://t.me/share/url?url=${enc(content.url)}&text=${enc(content.message)}`,
    },
    // Messenger's web dialog needs an app id; its app scheme does not.
    { target: "messenger", href: `fb-messenger://share/?link=${enc(content.url)}` },
    { target: "email", href: `mailto:?subject=${enc(content.subject)}&body=${enc(text)}` },
    { target: "x", href: `https://x.com/intent/tweet?text=${enc(content.message)}&url=${enc(content.url)}` },
    { target: "bluesky", href: `https://bsky.app/intent/compose?text=${enc(text)}` },
    { target: "linkedin", href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(content.url)}` },
  ];
}

/**
 * A Mastodon instance typed by the person ("mastodon.social", "https://eu.social/"),
 * reduced to its host name; null when it is not a plausible public host name.
 */
export function mastodonInstance(input: string): string | null {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^@?[^@/]*@/, "")
    .replace(/\/.*$/, "");
  if (host.length > 253) return null;
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
}

/** Mastodon's share page on the person's own instance, or null for a bad instance. */
export function mastodonShareUrl(instanceInput: string, content: Pick<ShareContent, "message" | "url">) {
  const host = mastodonInstance(instanceInput);
  return host ? `https://${host}/share?text=${enc(messageWithLink(content))}` : null;
}

/** The personal link for a code. */
export function referralUrl(appUrl: string, code: string): string {
  return new URL(`/r/${code}`, appUrl).toString();
}

/**
 * The invitation page a personal link opens (app/[locale]/(marketing)/r/[code]): the
 * same path as the link, under a locale.
 */
export function invitationPath(locale: string, code: string): string {
  return `/${locale}/r/${code}`;
}
