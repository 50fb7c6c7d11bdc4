import { expect } from "@playwright/test";

// Reads what the app "sent" from the fake Resend server the test run started.

type FakeEmail = {
  id: string;
  to: string[];
  subject: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
};

function fakeResendUrl(): string {
  const url = process.env.FAKE_RESEND_URL;
  if (!url) throw new Error("FAKE_RESEND_URL is not set: run the e2e tests with `npm test`");
  return url;
}

export async function emailsTo(address: string): Promise<FakeEmail[]> {
  const response = await fetch(`${fakeResendUrl()}/_fake/emails?to=${encodeURIComponent(address)}`);
  const body = (await response.json()) as { data: FakeEmail[] };
  return body.data;
}

/** Waits until `address` has received `count` emails matching `subject`, and returns them. */
export async function waitForEmails(address: string, subject: RegExp, count = 1): Promise<FakeEmail[]> {
  let found: FakeEmail[] = [];
  await expect
    .poll(
      async () => {
        found = (await emailsTo(address)).filter((email) => subject.test(email.subject));
        return found.length;
      },
      { timeout: 45_000, intervals: [200, 500, 1000] },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The first link in an email's plain-text part that starts with `prefix`. */
export function linkIn(email: FakeEmail, prefix: string): string {
  const match = (email.text ?? "").match(
    new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s)\\]>"]+`),
  );
  if (!match) throw new Error(`no link starting with ${prefix} in "${email.subject}"`);
  return match[0];
}
