import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkDatabase } from "@/lib/db/health";

const email = () => `db-${randomUUID()}@example.test`;

async function newUser() {
  return db.user.create({ data: { email: email() } });
}

function pledgeData(userId: string, overrides: Record<string, unknown> = {}) {
  return {
    userId,
    campaignId: "meta-ai-2025",
    country: "DE",
    platforms: ["facebook"],
    locale: "en",
    referralCode: randomUUID().slice(0, 10),
    ...overrides,
  };
}

describe("database", () => {
  it("has the migrations applied", async () => {
    const folders = readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations"), {
      withFileTypes: true,
    }).filter((entry) => entry.isDirectory());
    expect(await checkDatabase()).toEqual({ ok: true, migrations: folders.length });
  });

  it("keeps emails normalised and unique", async () => {
    await expect(db.user.create({ data: { email: "Mixed@Example.test" } })).rejects.toThrow(
      /users_email_normalised/,
    );
    const address = email();
    await db.user.create({ data: { email: address } });
    await expect(db.user.create({ data: { email: address } })).rejects.toThrow(/Unique constraint/);
  });

  it("enforces the pledge's check constraints", async () => {
    const user = await newUser();
    const bad = [
      { country: "de" },
      { platforms: [] },
      { firstName: "x".repeat(51) },
      { locale: "english" },
      { remindersConsent: true },
      { referralCode: "no spaces!" },
    ];
    for (const overrides of bad) {
      await expect(db.pledge.create({ data: pledgeData(user.id, overrides) })).rejects.toThrow();
    }
    expect(await db.pledge.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps submission statuses and dates consistent", async () => {
    const user = await newUser();
    const base = { userId: user.id, campaignId: "meta-ai-2025", platform: "facebook", accountIndex: 1 };
    await expect(db.submission.create({ data: { ...base, status: "SUBMITTED" } })).rejects.toThrow(
      /submissions_status_dates/,
    );
    await expect(
      db.submission.create({
        data: {
          ...base,
          status: "CONFIRMED",
          submittedAt: new Date("2025-05-02"),
          confirmedAt: new Date("2025-05-01"),
        },
      }),
    ).rejects.toThrow(/submissions_status_dates/);
    const ok = await db.submission.create({
      data: { ...base, status: "SUBMITTED", submittedAt: new Date() },
    });
    expect(ok.status).toBe("SUBMITTED");
    await expect(db.submission.create({ data: { ...base } })).rejects.toThrow(/Unique constraint/);
  });

  it("erases a person's rows when the user is deleted", async () => {
    const referrer = await newUser();
    const referrerPledge = await db.pledge.create({ data: pledgeData(referrer.id) });
    const user = await newUser();
    await db.pledge.create({ data: pledgeData(user.id, { referredById: referrerPledge.id }) });
    await db.submission.create({
      data: { userId: user.id, campaignId: "meta-ai-2025", platform: "instagram", accountIndex: 1 },
    });
    await db.reminderDelivery.create({
      data: { userId: user.id, campaignId: "meta-ai-2025", reminderKey: "d7" },
    });
    await db.session.create({ data: { userId: user.id, sessionToken: randomUUID(), expires: new Date() } });

    await db.user.delete({ where: { id: user.id } });

    expect(await db.pledge.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.reminderDelivery.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // Deleting the referrer keeps the invitee's pledge, without the link.
    await db.user.delete({ where: { id: referrer.id } });
  });

  it("refuses a self-referral at the database level", async () => {
    const user = await newUser();
    const pledge = await db.pledge.create({ data: pledgeData(user.id) });
    await expect(
      db.pledge.update({ where: { id: pledge.id }, data: { referredById: pledge.id } }),
    ).rejects.toThrow(/pledges_no_self_referral/);
  });
});
