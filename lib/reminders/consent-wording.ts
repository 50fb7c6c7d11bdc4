// The reminders consent has two wordings: "remind me before the deadline" and, when
// only the "you can still object" email is left, "remind me until I have filed"
// (objections still protect what is published from then on); once no reminder is
// left, no form asks (./schedule.ts, consentWordingFor). A form shows one wording and
// sends which (a hidden field); its server action records that exact text as the
// consent's wording (GDPR art. 7(1)). Free of zod and of the server, for the forms in
// the browser.

export const CONSENT_WORDINGS = ["before", "after"] as const;
export type ConsentWording = (typeof CONSENT_WORDINGS)[number];

/** The message key of a wording, the same under "pledge.form" and "reminders.preferences". */
export function consentLabelKey(wording: ConsentWording): "consentLabel" | "consentLabelAfter" {
  return wording === "after" ? "consentLabelAfter" : "consentLabel";
}
