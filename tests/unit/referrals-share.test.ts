import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { invitationMetadata } from "@/lib/referrals/invitation-metadata";
import {
  buildShareLinks,
  invitationPath,
  mastodonInstance,
  mastodonShareUrl,
  referralUrl,
} from "@/lib/referrals/share";

const content = {
  url: "https://objet.example/r/abc234defg",
  message: "Meta wants your posts & photos. I objected:",
  subject: "Object to Meta training AI",
};

describe("share links", () => {
  const links = Object.fromEntries(buildShareLinks(content).map((l) => [l.target, l.href]));

  it("put WhatsApp first and cover every service", () => {
    expect(buildShareLinks(content)[0]?.target).toBe("whatsapp");
    expect(Object.keys(links).sort()).toEqual(
      ["bluesky", "email", "linkedin", "messenger", "telegram", "whatsapp", "x"].sort(),
    );
  });

  it("are plain URLs with the message and link encoded", () => {
    const text = encodeURIComponent(`${content.message} ${content.url}`);
    expect(links.whatsapp).toBe(`https://wa.me/?text=${text}`);
    expect(links.telegram).toBe(
      `https://t.me/share/url?url=${encodeURIComponent(content.url)}&text=${encodeURIComponent(content.message)}`,
    );
    expect(links.messenger).toBe(`fb-messenger://share/?link=${encodeURIComponent(content.url)}`);
    expect(links.x).toBe(
      `https://x.com/intent/tweet?text=${encodeURIComponent(content.message)}&url=${encodeURIComponent(content.url)}`,
    );
    expect(links.bluesky).toBe(`https://bsky.app/intent/compose?text=${text}`);
    expect(links.linkedin).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(content.url)}`,
    );
    for (const href of Object.values(links)) expect(href).not.toContain(" ");
    expect(links.whatsapp).toContain("%26");
  });

  it("prefill the email's subject and body", () => {
    const url = new URL(links.email ?? "");
    expect(url.protocol).toBe("mailto:");
    expect(url.searchParams.get("subject")).toBe(content.subject);
    expect(url.searchParams.get("body")).toBe(`${content.message} ${content.url}`);
    expect(links.email).not.toContain("+");
  });
});

describe("Mastodon", () => {
  it("accepts a host name however the person types it", () => {
    expect(mastodonInstance("mastodon.social")).toBe("mastodon.social");
    expect(mastodonInstance(" https://EU.social/ ")).toBe("eu.social");
    expect(mastodonInstance("@ada@chaos.social")).toBe("chaos.social");
    expect(mastodonInstance("https://mastodon.social/@ada")).toBe("mastodon.social");
  });

  it("refuses anything that is not a public host name", () => {
    for (const bad of ["", "localhost", "javascript:alert(1)", "a b.social", "x.org:8080", "-x.org", "x"]) {
      expect(mastodonInstance(bad), bad).toBeNull();
    }
    expect(mastodonShareUrl("javascript:alert(1)", content)).toBeNull();
  });

  it("shares through the person's own instance", () => {
    expect(mastodonShareUrl("mastodon.social", content)).toBe(
      `https://mastodon.social/share?text=${encodeURIComponent(`${content.message} ${content.url}`)}`,
    );
  });
});

describe("personal link and its invitation page", () => {
  it("is /r/CODE on the app's own address, and opens /<locale>/r/CODE", () => {
    expect(referralUrl("https://objet.example", "abc234defg")).toBe("https://objet.example/r/abc234defg");
    expect(invitationPath("fr", "abc234defg")).toBe("/fr/r/abc234defg");
  });

  it("gives link previews the shared link, its image and the chosen title, and is not indexed", () => {
    const app = env().APP_URL;
    const link = new URL("/r/abc234defg", app).toString();
    const meta = invitationMetadata({
      locale: "fr",
      code: "abc234defg",
      title: "Ada vous invite",
      description: "A & B",
      siteName: "Site",
    });
    expect(meta.title).toEqual({ absolute: "Ada vous invite" });
    expect(meta.description).toBe("A & B");
    expect(meta.robots).toMatchObject({ index: false });
    expect(meta.alternates?.canonical).toBe(new URL("/fr/r/abc234defg", app).toString());
    expect(meta.alternates?.languages).toMatchObject({
      de: new URL("/de/r/abc234defg", app).toString(),
      "x-default": link,
    });
    expect(meta.openGraph).toMatchObject({
      type: "website",
      siteName: "Site",
      url: link,
      locale: "fr",
      title: "Ada vous invite",
      description: "A & B",
      images: [{ url: `${link}/image`, type: "image/png", width: 1200, height: 630, alt: "Ada vous invite" }],
    });
    expect(meta.twitter).toMatchObject({
      card: "summary_large_image",
      title: "Ada vous invite",
      images: [{ url: `${link}/image`, alt: "Ada vous invite" }],
    });
  });
});
