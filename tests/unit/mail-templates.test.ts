import { createElement } from "react";
import { describe, expect, it } from "vitest";
import PledgeConfirmedEmail, { pledgeConfirmedSubject } from "@/emails/pledge-confirmed";
import SignInEmail, { signInSubject } from "@/emails/sign-in";
import { renderEmail } from "@/lib/mail/render";
import messages from "@/messages/en/emails.json";

const { signIn, pledgeConfirmed, layout } = messages.emails;
const url = "https://pledge.example/en/sign-in/confirm?token=abc123&email=ada%40example.org";

describe("sign-in email", () => {
  it("has the link as a button and as text, in HTML and plain text", async () => {
    const { html, text } = await renderEmail(
      createElement(SignInEmail, { url, host: "pledge.example", locale: "en" }),
    );
    const escaped = url.replaceAll("&", "&amp;");
    // Once for the button, once as the copyable text link.
    expect(html.split(`href="${escaped}"`).length - 1).toBe(2);
    expect(html).toContain(`>${escaped}</a>`);
    expect(html).toContain('lang="en"');
    expect(text).toContain(url);
    expect(text).not.toContain("<");
  });

  it("takes every sentence from messages/en/emails.json", async () => {
    const { html, text } = await renderEmail(
      createElement(SignInEmail, { url, host: "pledge.example", locale: "en" }),
    );
    expect(text).toContain(signIn.intro);
    expect(text).toContain(signIn.ignore);
    expect(text).toContain(signIn.copyLink);
    expect(text).toContain(signIn.button);
    expect(text).toContain(signIn.heading.replace("{host}", "pledge.example").toUpperCase());
    expect(html).toContain(signIn.preview.replace("{host}", "pledge.example"));
    expect(text).toContain(layout.automated);
    expect(text).toMatch(/24 hours/);
    expect(signInSubject({ host: "pledge.example", locale: "en" })).toBe(
      signIn.subject.replace("{host}", "pledge.example"),
    );
  });

  it("falls back to the default locale for an unknown one", async () => {
    const { text } = await renderEmail(
      createElement(SignInEmail, { url, host: "pledge.example", locale: "xx" }),
    );
    expect(text).toContain(signIn.intro);
  });

  it("loads no remote images or fonts", async () => {
    const { html } = await renderEmail(createElement(SignInEmail, SignInEmail.PreviewProps));
    expect(html).not.toMatch(/<img|<link|@import|@font-face|url\(/i);
  });
});

describe("pledge-confirmed email", () => {
  const dashboardUrl = "https://pledge.example/en/dashboard";

  it("thanks the person by name and links to the dashboard", async () => {
    const { html, text } = await renderEmail(
      createElement(PledgeConfirmedEmail, { firstName: "Ada", dashboardUrl, locale: "en" }),
    );
    expect(html).toContain(`href="${dashboardUrl}"`);
    expect(text).toContain(dashboardUrl);
    expect(text).toContain(pledgeConfirmed.greeting.replace("{firstName}", "Ada"));
    expect(text).toContain(pledgeConfirmed.thanks);
    expect(text).toContain(pledgeConfirmed.nextStep);
    expect(text).toContain(pledgeConfirmed.button);
    expect(pledgeConfirmedSubject({ locale: "en" })).toBe(pledgeConfirmed.subject);
  });

  it("greets without a name when there is none", async () => {
    const { text } = await renderEmail(createElement(PledgeConfirmedEmail, { dashboardUrl, locale: "en" }));
    expect(text).toContain(pledgeConfirmed.greetingAnonymous);
    expect(text).not.toContain("undefined");
  });

  it("has preview props that render", async () => {
    const { text } = await renderEmail(
      createElement(PledgeConfirmedEmail, PledgeConfirmedEmail.PreviewProps),
    );
    expect(text).toContain(PledgeConfirmedEmail.PreviewProps.dashboardUrl);
  });
});

describe("sign-in email rendered by the outbox drain", () => {
  it("is byte for byte the email rendered directly, in every language", async () => {
    const { renderTemplate, templateSubject } = await import("@/lib/mail/templates");
    const link = `${url}&callbackUrl=${encodeURIComponent("https://pledge.example/de/dashboard?welcome=1&x='\"<>")}`;
    for (const locale of ["en", "de", "fr", "pl"]) {
      const direct = await renderEmail(
        createElement(SignInEmail, { url: link, host: "pledge.example", locale }),
      );
      const data = { template: "sign-in" as const, url: link, locale };
      expect(await renderTemplate(data)).toEqual(direct);
      expect(templateSubject(data)).toBe(signInSubject({ host: "pledge.example", locale }));
    }
  });
});
