// Prints the latest emails the app kept locally (no RESEND_API_KEY), e.g. sign-in
// links for people running `npm start` without Resend:
//   npm run mailbox -- [--limit 10] [--to someone@example.org]
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { listLocalEmails } from "@/lib/mail/mailbox";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { limit: { type: "string", default: "10" }, to: { type: "string" }, help: { type: "boolean" } },
  });
  if (values.help) {
    process.stdout.write("usage: npm run mailbox -- [--limit N] [--to ADDRESS]\n");
    return 0;
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    process.stderr.write("--limit must be a positive whole number\n");
    return 2;
  }

  const emails = await listLocalEmails({ limit, to: values.to });
  if (emails.length === 0) {
    process.stdout.write(
      "No local emails yet. (They appear here when the app runs without RESEND_API_KEY.)\n",
    );
    return 0;
  }
  // Oldest first, so the newest email ends up next to the prompt.
  for (const email of [...emails].reverse()) {
    const when = (email.sentAt ?? email.createdAt).toISOString().replace("T", " ").slice(0, 19);
    process.stdout.write(
      [
        `──── ${when} UTC · ${email.kind}`,
        `To:      ${email.to}`,
        `Subject: ${email.subject}`,
        "",
        (email.text ?? "(no plain-text body)").trim(),
        "",
        "",
      ].join("\n"),
    );
  }
  return 0;
}

main()
  .then(async (code) => {
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    await db.$disconnect();
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
