import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { hashEmail } from "@/lib/mail";
import { savePledge } from "@/lib/pledges/create-pledge";
import { markPledgeVerified } from "@/lib/pledges/verify-pledge";
import { DATA_MODEL, eraseUser, exportPersonalData, INTERNAL_TABLES } from "@/lib/privacy";
import { readCounters } from "@/lib/stats";

// "Download my data" holds every row about the person, and "delete my account" leaves
// no trace of them in any text, varchar or json column of any table, while the
// anonymous counters go down and other people's rows survive.

const c = campaign();

async function pledgeFor(email: string, referralCode?: string) {
  const saved = await savePledge(
    {
      email,
      firstName: "Zoë",
      country: "PT",
      platforms: ["facebook", "instagram"],
      remindersConsent: true,
      locale: "en",
    },
    { referralCode, consentText: "Yes, email me reminders.", now: new Date() },
  );
  await markPledgeVerified(saved.userId, new Date());
  const pledge = await db.pledge.findUniqueOrThrow({ where: { id: saved.pledgeId } });
  return { userId: saved.userId, pledge };
}

/** A person with a row in every table that can hold something about them. */
async function fullPerson() {
  const email = `erase-${randomUUID()}@example.test`;
  const inviter = await pledgeFor(`inviter-${randomUUID()}@example.test`);
  const { userId, pledge } = await pledgeFor(email, inviter.pledge.referralCode);
  const sessionToken = randomUUID();
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 86_400_000) } });
  await db.account.create({
    data: {
      userId,
      type: "email",
      provider: "test",
      providerAccountId: `acct-${userId}`,
      access_token: "secret",
    },
  });
  await db.verificationToken.create({
    data: { identifier: email, token: `hashed-${randomUUID()}`, expires: new Date(Date.now() + 86_400_000) },
  });
  const facebook = await db.submission.create({
    data: {
      userId,
      campaignId: c.id,
      platform: "facebook",
      accountIndex: 1,
      accountIdentifier: email,
      note: "my note",
    },
  });
  await db.submission.create({
    data: { userId, campaignId: c.id, platform: "instagram", accountIndex: 1, coveredById: facebook.id },
  });
  await db.reminderDelivery.create({ data: { userId, campaignId: c.id, reminderKey: "d7", status: "SENT" } });
  const report = await db.linkReport.create({ data: { userId, campaignId: c.id, platform: "facebook" } });
  await db.referralVisit.create({ data: { pledgeId: pledge.id, day: new Date("2025-05-01"), visits: 3 } });
  await db.outboxEmail.create({
    data: {
      kind: "sign-in",
      to: email,
      subject: "Sign in",
      text: `https://example.test/confirm?email=${email}`,
      headers: { "X-Entity-Ref-ID": pledge.id },
      idempotencyKey: `test:${pledge.id}:${userId}`,
    },
  });
  await db.rateLimit.create({ data: { key: `signInPerEmail:${hashEmail(email)}`, points: 1, expire: 1n } });
  await db.emailSuppression.create({ data: { emailHash: hashEmail(email), reason: "UNSUBSCRIBE" } });
  // Someone this person invited: their pledge must survive, without the link.
  const invitee = await pledgeFor(`invitee-${randomUUID()}@example.test`, pledge.referralCode);
  return { email, userId, pledge, sessionToken, report, inviter, invitee };
}

/** Every (table, column) of a text-like type in the app's schema. */
async function textColumns(): Promise<{ table: string; column: string }[]> {
  return db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name::text AS "table", column_name::text AS "column"
    FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (data_type::text IN ('text', 'character varying', 'character', 'json', 'jsonb') OR data_type::text = 'ARRAY')
      AND table_name::text <> ALL(${[...INTERNAL_TABLES]}::text[])`;
}

/** Rows of any table whose text-like columns contain `needle` (case-insensitive). */
async function findEverywhere(needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const { table, column } of await textColumns()) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    if (Number(rows[0]?.n ?? 0) > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

describe("the data model description", () => {
  it("names every table and column of the live database, and nothing else", async () => {
    const rows = await db.$queryRaw<{ table: string; column: string }[]>`
      SELECT table_name::text AS "table", column_name::text AS "column"
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name::text <> ALL(${[...INTERNAL_TABLES]}::text[])
      ORDER BY table_name, ordinal_position`;
    const live = new Map<string, string[]>();
    for (const row of rows) live.set(row.table, [...(live.get(row.table) ?? []), row.column]);
    const described = new Map(DATA_MODEL.map((table) => [table.table, [...table.columns]]));
    expect([...described.keys()].sort()).toEqual([...live.keys()].sort());
    for (const [table, columns] of live)
      expect(described.get(table)?.slice().sort(), table).toEqual(columns.sort());
  });
});

describe("download my data", () => {
  it("contains every row stored about the person, and nobody else's", async () => {
    const person = await fullPerson();
    const other = await pledgeFor(`other-${randomUUID()}@example.test`);
    const data = await exportPersonalData(person.userId);
    expect(data).not.toBeNull();
    const json = JSON.stringify(data);

    expect(data?.user).toMatchObject({ id: person.userId, email: person.email });
    expect(data?.pledges).toHaveLength(1);
    expect(data?.pledges[0]).toMatchObject({
      id: person.pledge.id,
      campaignId: c.id,
      referralCode: person.pledge.referralCode,
      firstName: "Zoë",
      country: "PT",
      referredById: person.inviter.pledge.id,
      invitedPeople: 1,
    });
    expect(data?.sessions).toHaveLength(1);
    expect(data?.accounts).toHaveLength(1);
    expect(data?.verificationTokens).toHaveLength(1);
    expect(data?.submissions.map((s) => s.platform).sort()).toEqual(["facebook", "instagram"]);
    expect(data?.submissions.find((s) => s.platform === "facebook")).toMatchObject({
      note: "my note",
      accountIdentifier: person.email,
    });
    expect(data?.reminderDeliveries).toHaveLength(1);
    expect(data?.linkReports.map((r) => r.id)).toEqual([person.report.id]);
    expect(data?.referralVisits).toEqual([
      { pledgeId: person.pledge.id, day: new Date("2025-05-01"), visits: 3 },
    ]);
    expect(data?.outboxEmails).toHaveLength(1);
    expect(data?.emailSuppression).toMatchObject({ reason: "UNSUBSCRIBE" });
    expect(data?.rateLimits).toHaveLength(1);

    // Every column of every row keyed by the person appears in the export (secrets by name).
    const exportedKeys = (rows: object[] | object | null | undefined) =>
      new Set((Array.isArray(rows) ? rows : rows ? [rows] : []).flatMap((row) => Object.keys(row)));
    const model = (table: string) => DATA_MODEL.find((t) => t.table === table)?.columns ?? [];
    const camel = (column: string) =>
      ["refresh_token", "access_token", "expires_at", "token_type", "id_token", "session_state"].includes(
        column,
      )
        ? column
        : column.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
    const sections: [string, object | object[] | null | undefined, string[]][] = [
      ["users", data?.user, []],
      ["pledges", data?.pledges, []],
      ["submissions", data?.submissions, []],
      ["reminder_deliveries", data?.reminderDeliveries, []],
      ["link_reports", data?.linkReports, []],
      ["referral_visits", data?.referralVisits, []],
      ["accounts", data?.accounts, []],
      ["sessions", data?.sessions, []],
      ["verification_tokens", data?.verificationTokens, []],
      ["outbox_emails", data?.outboxEmails, ["html", "text", "headers"]],
      ["email_suppressions", data?.emailSuppression, []],
      ["rate_limits", data?.rateLimits, []],
    ];
    for (const [table, rows, implied] of sections) {
      const keys = exportedKeys(rows);
      for (const column of model(table)) {
        if (implied.includes(column)) continue;
        expect(keys.has(camel(column)), `${table}.${column} in the export`).toBe(true);
      }
    }
    // Secrets are named, never given.
    expect(json).not.toContain(person.sessionToken);
    expect(json).not.toContain('"secret"');
    expect(json).not.toContain("https://example.test/confirm");
    // Nothing of anyone else.
    expect(json).not.toContain(other.userId);
    expect(json).not.toContain(other.pledge.referralCode);
    expect(json).not.toContain(person.invitee.userId);
  });

  it("is null for someone who does not exist", async () => {
    expect(await exportPersonalData(`missing-${randomUUID()}`)).toBeNull();
  });
});

describe("delete my account", () => {
  it("leaves nothing of the person in any text column of any table", async () => {
    const person = await fullPerson();
    const before = await readCounters(c.id);
    const needles = [person.email, person.userId, person.pledge.id, person.pledge.referralCode];
    for (const needle of needles) expect((await findEverywhere(needle)).length, needle).toBeGreaterThan(0);

    const result = await eraseUser(person.userId);
    expect(result).toEqual({ verificationTokens: 1, outboxEmails: 1, rateLimits: 1 });

    for (const needle of needles) expect(await findEverywhere(needle), needle).toEqual([]);

    // Anonymous leftovers, as the privacy policy says.
    const report = await db.linkReport.findUniqueOrThrow({ where: { id: person.report.id } });
    expect(report.userId).toBeNull();
    const invitee = await db.pledge.findUniqueOrThrow({ where: { id: person.invitee.pledge.id } });
    expect(invitee.referredById).toBeNull();
    expect(await db.emailSuppression.count({ where: { emailHash: hashEmail(person.email) } })).toBe(1);
    expect(await db.pledge.count({ where: { id: person.inviter.pledge.id } })).toBe(1);

    // Counters: one pledge, one verified, one country/day and two "referred" fewer
    // (the person was referred, and so was their invitee, whose link is gone).
    const after = await readCounters(c.id);
    expect((before.get("pledges") ?? 0) - (after.get("pledges") ?? 0)).toBe(1);
    expect((before.get("verified") ?? 0) - (after.get("verified") ?? 0)).toBe(1);
    expect((before.get("country:PT") ?? 0) - (after.get("country:PT") ?? 0)).toBe(1);
    expect((before.get("referred") ?? 0) - (after.get("referred") ?? 0)).toBe(2);
  });

  it("erases only the person asked for, and twice is harmless", async () => {
    const a = await fullPerson();
    const b = await fullPerson();
    await eraseUser(a.userId);
    expect(await eraseUser(a.userId)).toBeNull();
    const data = await exportPersonalData(b.userId);
    expect(data?.user.email).toBe(b.email);
    expect(data?.sessions).toHaveLength(1);
    expect(data?.outboxEmails).toHaveLength(1);
    expect(await findEverywhere(b.email)).not.toEqual([]);
  });
});
