import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { GET as cronGet } from "@/app/api/cron/reminders/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashEmail } from "@/lib/mail";
import { handleResendWebhook } from "@/lib/mail/webhook";
import { signToken } from "@/lib/reminders/tokens";
import { seedPerson, testCampaign } from "./reminders-helpers";

const SECRET = `whsec_${Buffer.from("reminders-webhook-test-secret-123").toString("base64")}`;

function signed(body: string, options: { secret?: string; at?: Date } = {}): Headers {
  const id = `msg_${Math.random().toString(36).slice(2)}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.secret ?? SECRET).sign(id, at, body);
  return new Headers({
    "svix-id": id,
    "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
    "svix-signature": signature,
  });
}

const bounce = (to: string) =>
  JSON.stringify({
    type: "email.bounced",
    created_at: new Date().toISOString(),
    data: { email_id: "e1", to: [to] },
  });

describe("Resend webhook", () => {
  it("suppresses a bounced or complaining address", async () => {
    const bounced = `b-${Date.now()}@example.test`;
    const complained = `c-${Date.now()}@example.test`;
    const body = bounce(bounced);
    expect((await handleResendWebhook(body, signed(body), SECRET)).status).toBe(200);
    const complaint = JSON.stringify({ type: "email.complained", data: { to: complained } });
    expect((await handleResendWebhook(complaint, signed(complaint), SECRET)).status).toBe(200);
    const rows = await db.emailSuppression.findMany({
      where: { emailHash: { in: [hashEmail(bounced), hashEmail(complained)] } },
      select: { reason: true },
      orderBy: { reason: "asc" },
    });
    expect(rows.map((r) => r.reason)).toEqual(["BOUNCE", "COMPLAINT"]);
  });

  it("refuses missing, wrong and stale signatures and stores nothing", async () => {
    const to = `x-${Date.now()}@example.test`;
    const body = bounce(to);
    expect((await handleResendWebhook(body, new Headers(), SECRET)).status).toBe(401);
    const wrong = `whsec_${Buffer.from("another-secret-another-secret-12").toString("base64")}`;
    expect((await handleResendWebhook(body, signed(body, { secret: wrong }), SECRET)).status).toBe(401);
    const stale = signed(body, { at: new Date(Date.now() - 10 * 60_000) });
    expect((await handleResendWebhook(body, stale, SECRET)).status).toBe(401);
    const tampered = signed(body);
    expect((await handleResendWebhook(body.replace("bounced", "complained"), tampered, SECRET)).status).toBe(
      401,
    );
    expect(await db.emailSuppression.count({ where: { emailHash: hashEmail(to) } })).toBe(0);
  });

  it("ignores unknown event types and rejects a signed body of the wrong shape", async () => {
    const opened = JSON.stringify({ type: "email.opened", data: { to: ["o@example.test"] } });
    expect(await handleResendWebhook(opened, signed(opened), SECRET)).toEqual({
      status: 200,
      body: { ok: true, handled: false },
    });
    expect(await db.emailSuppression.count({ where: { emailHash: hashEmail("o@example.test") } })).toBe(0);
    const bad = JSON.stringify({ type: "email.bounced", data: { to: "not an address" } });
    expect((await handleResendWebhook(bad, signed(bad), SECRET)).status).toBe(422);
  });
});

describe("one-click unsubscribe", () => {
  it("unsubscribes on POST with a valid token, never on GET", async () => {
    const campaign = testCampaign();
    const person = await seedPerson(campaign);
    const token = signToken({
      purpose: "unsubscribe",
      userId: person.userId,
      campaignId: campaign.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    // Reached under another host name (a proxy's upstream address): the redirect
    // still goes to the public origin, APP_URL.
    const url = `http://10.0.0.7:3000/api/unsubscribe?t=${token}`;
    const get = unsubscribeGet(new Request(url));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(new URL(`/en/unsubscribe?t=${token}`, env().APP_URL).toString());
    const before = await db.pledge.findFirstOrThrow({ where: { userId: person.userId } });
    expect(before).toMatchObject({ remindersConsent: true, unsubscribedAt: null });

    const post = await unsubscribePost(
      new Request(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(post.status).toBe(200);
    const after = await db.pledge.findFirstOrThrow({ where: { userId: person.userId } });
    expect(after.remindersConsent).toBe(false);
    expect(after.unsubscribedAt).toBeInstanceOf(Date);
  });

  it("refuses a done token or a forged one", async () => {
    const campaign = testCampaign();
    const person = await seedPerson(campaign);
    const done = signToken({
      purpose: "done",
      userId: person.userId,
      campaignId: campaign.id,
      platform: "facebook",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const response = await unsubscribePost(
      new Request(`http://localhost/api/unsubscribe?t=${done}`, { method: "POST" }),
    );
    expect(response.status).toBe(400);
    expect((await db.pledge.findFirstOrThrow({ where: { userId: person.userId } })).remindersConsent).toBe(
      true,
    );
  });
});

describe("cron endpoint", () => {
  it("does not exist without CRON_SECRET", async () => {
    const response = await cronGet(new Request("http://localhost/api/cron/reminders"));
    expect(response.status).toBe(404);
  });
});
