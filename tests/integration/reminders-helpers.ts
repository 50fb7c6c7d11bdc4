import { randomUUID } from "node:crypto";
import { type Campaign, loadCampaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { reminderSlots } from "@/lib/reminders/schedule";
import type { FakeEmail } from "@/tests/fakes/resend-server";

// Shared by the reminders integration tests: each test gets its own campaign id, so
// tests (and other suites' pledges) never see each other's people.

export const FAKE = process.env.FAKE_RESEND_URL ?? "";
if (!FAKE) throw new Error("FAKE_RESEND_URL is not set: run with `npm test -- --only=integration`");
export const APP_URL = "http://localhost:3999";

export function testCampaign(): Campaign {
  const base = loadCampaign({ deadline: "2030-06-01T00:00:00+02:00" });
  return { ...base, id: `rt-${randomUUID().slice(0, 12)}` };
}

export function pointOf(campaign: Campaign, key: string): Date {
  const slot = reminderSlots(campaign).find((s) => s.key === key);
  if (!slot) throw new Error(`no slot ${key}`);
  return slot.point;
}

export const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

export type Person = { userId: string; email: string };

export async function seedPerson(
  campaign: Campaign,
  options: {
    platforms?: string[];
    consent?: boolean;
    verifiedAt?: Date | null;
    unsubscribedAt?: Date | null;
    firstName?: string | null;
    finished?: boolean;
  } = {},
): Promise<Person> {
  const email = `rem-${randomUUID()}@example.test`;
  const verifiedAt = options.verifiedAt === undefined ? new Date("2030-01-01T00:00:00Z") : options.verifiedAt;
  const consent = options.consent ?? true;
  const user = await db.user.create({ data: { email, emailVerified: verifiedAt }, select: { id: true } });
  const platforms = options.platforms ?? ["facebook", "instagram"];
  await db.pledge.create({
    data: {
      userId: user.id,
      campaignId: campaign.id,
      firstName: options.firstName ?? null,
      country: "DE",
      platforms,
      locale: "en",
      remindersConsent: consent,
      remindersConsentAt: consent ? (verifiedAt ?? new Date("2030-01-01T00:00:00Z")) : null,
      remindersConsentText: consent ? "Yes, email me reminders." : null,
      unsubscribedAt: options.unsubscribedAt ?? null,
      verifiedAt,
      referralCode: randomUUID().slice(0, 10),
      questionnaireAt: options.finished ? verifiedAt : null,
      finishedAt: options.finished ? verifiedAt : null,
    },
  });
  if (options.finished) {
    await db.submission.createMany({
      data: platforms.map((platform) => ({
        userId: user.id,
        campaignId: campaign.id,
        platform,
        accountIndex: 1,
        status: "SUBMITTED" as const,
        submittedAt: verifiedAt,
      })),
    });
  }
  return { userId: user.id, email };
}

export async function seedPeople(campaign: Campaign, count: number): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < count; i++) people.push(await seedPerson(campaign));
  return people;
}

export async function emailsTo(address: string): Promise<FakeEmail[]> {
  const response = await fetch(`${FAKE}/_fake/emails?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as { data: FakeEmail[] }).data;
}

export async function configureFake(config: {
  requestsPerSecond?: number;
  failNext?: number;
  loseNext?: number;
}) {
  await fetch(`${FAKE}/_fake/config`, { method: "POST", body: JSON.stringify(config) });
}

export async function deliveriesOf(campaign: Campaign) {
  return db.reminderDelivery.findMany({
    where: { campaignId: campaign.id },
    select: { userId: true, reminderKey: true, status: true, lastError: true, attempts: true },
  });
}
