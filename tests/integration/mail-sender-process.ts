// One sender process for mail-shared-rate-limit.test.ts, started with
// `fork(this file, [JSON order], { execArgv: ["--import", "tsx"] })`: the real outbox
// drain ("app": queues sign-up mail and drains after each, as requests do) or the real
// reminders run, against the database and the Resend of its environment. It loads
// only what its role needs, says "ready" once connected, starts on any message and
// answers "done".
import { db } from "@/lib/db";

export type SenderOrder =
  | { role: "app"; name: string; prefix: string; count: number }
  | { role: "reminders"; name: string; campaignId: string; deadline: string; now: string };

export type SenderReport = { sent: number; failed: number; deferred: number; rateLimited: number };

export type SenderMessage = { type: "ready" } | { type: "done"; report: SenderReport };

function send(message: SenderMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error("start this file with child_process.fork"));
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

async function signUpSender(order: Extract<SenderOrder, { role: "app" }>) {
  const { drainOutbox, queueEmail } = await import("@/lib/mail/outbox");
  return async (): Promise<SenderReport> => {
    const report: SenderReport = { sent: 0, failed: 0, deferred: 0, rateLimited: 0 };
    for (let i = 0; i < order.count; i++) {
      await queueEmail(db, {
        kind: "sign-in",
        to: `${order.prefix}-${i}@example.test`,
        subject: "Sign in",
        html: "<p>Sign in</p>",
        text: "Sign in",
        idempotencyKey: `${order.prefix}-${i}`,
      });
      const drained = await drainOutbox({ workerId: order.name });
      report.sent += drained.sent;
      report.failed += drained.failed;
      report.deferred += drained.deferred;
      report.rateLimited += drained.rateLimited;
    }
    return report;
  };
}

async function reminderSender(order: Extract<SenderOrder, { role: "reminders" }>) {
  const [{ loadCampaign }, { runReminders }] = await Promise.all([
    import("@/lib/campaign/load"),
    import("@/lib/reminders/sender"),
  ]);
  const campaign = { ...loadCampaign({ deadline: order.deadline }), id: order.campaignId };
  return async (): Promise<SenderReport> => {
    const result = await runReminders({
      campaign,
      appUrl: "http://localhost:3999",
      now: new Date(order.now),
      workerId: order.name,
    });
    return {
      sent: result.sent,
      failed: result.failed,
      deferred: result.deferred,
      rateLimited: result.rateLimited,
    };
  };
}

async function main(): Promise<void> {
  const order = JSON.parse(process.argv[2] ?? "") as SenderOrder;
  const run = order.role === "app" ? await signUpSender(order) : await reminderSender(order);
  await db.$queryRaw`SELECT 1`;
  await send({ type: "ready" });
  await new Promise<void>((resolve) => process.once("message", () => resolve()));
  const report = await run();
  await db.$disconnect();
  await send({ type: "done", report });
  process.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
