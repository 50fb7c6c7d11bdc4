import { createElement } from "react";
import { describe, expect, it } from "vitest";
import ConfirmPledgeEmail, { confirmPledgeSubject } from "@/emails/confirm-pledge";
import PledgeConfirmedEmail, { pledgeConfirmedSubject } from "@/emails/pledge-confirmed";
import SignInEmail, { signInSubject } from "@/emails/sign-in";
import { renderEmail } from "@/lib/mail/render";
import messages from "@/messages/en/emails.json";

const { signIn, pledgeConfirmed, confirmPledge, layout } = messages.emails;
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

describe("confirm-pledge email (a new pledge's link)", () => {
  const props = { url, campaignName: "Say no to Meta AI training", firstName: "Ada", locale: "en" };

  it("speaks in the campaign's name, greets by first name, and has one button", async () => {
    const { html, text } = await renderEmail(createElement(ConfirmPledgeEmail, props));
    const escaped = url.replaceAll("&", "&amp;");
    // One button, and the same link once more as copyable text.
    expect(html.split(`href="${escaped}"`).length - 1).toBe(2);
    expect(html.match(/<a [^>]*href=/g)?.length).toBe(2 + (html.match(/href="mailto:/g)?.length ?? 0));
    expect(text).toContain("Say no to Meta AI training");
    expect(text).toContain(confirmPledge.greeting.replace("{firstName}", "Ada"));
    expect(text).toContain(confirmPledge.intro);
    expect(text).toContain(confirmPledge.button);
    expect(text).toContain(confirmPledge.expiry);
    expect(text).toContain(confirmPledge.ignore);
    expect(text).not.toMatch(/sign in to/i);
    expect(text).toContain(confirmPledge.heading.toUpperCase());
    expect(confirmPledgeSubject({ campaignName: props.campaignName, locale: "en" })).toBe(
      "Confirm your pledge: Say no to Meta AI training",
    );
  });

  it("greets without a name when none was given", async () => {
    const { text } = await renderEmail(createElement(ConfirmPledgeEmail, { ...props, firstName: null }));
    expect(text).toContain(confirmPledge.greetingAnonymous);
    expect(text).not.toContain("undefined");
  });

  it("is translated: the German subject names the campaign", () => {
    expect(confirmPledgeSubject({ campaignName: "Nein zum KI-Training von Meta", locale: "de" })).toBe(
      "Bestätigen Sie Ihre Zusage: Nein zum KI-Training von Meta",
    );
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

describe("pledge confirmation rendered by the outbox drain", () => {
  it("is byte for byte the email rendered directly, with and without a first name, in every language", async () => {
    const { renderTemplate, templateSubject } = await import("@/lib/mail/templates");
    const link = `${url}&purpose=pledge&callbackUrl=${encodeURIComponent("https://pledge.example/de/dashboard?welcome=1")}`;
    for (const locale of ["en", "de", "fr", "pl"]) {
      for (const firstName of ["Zoë O'Brien-<Ada> & Co", null]) {
        const campaignName = "Say no to Meta AI training";
        const direct = await renderEmail(
          createElement(ConfirmPledgeEmail, { url: link, campaignName, firstName, locale }),
        );
        const data = { template: "confirm-pledge" as const, url: link, locale, campaignName, firstName };
        expect(await renderTemplate(data)).toEqual(direct);
        expect(templateSubject(data)).toBe(confirmPledgeSubject({ campaignName, locale }));
      }
    }
  });
});
