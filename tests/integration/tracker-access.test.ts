import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { campaign } from "@/lib/campaign";
import { db } from "@/lib/db";
import { readCounters } from "@/lib/stats";

// The server actions as a browser calls them, with the session replaced by whoever the
// test says is signed in (the database is real). Proves that one person cannot read or
// change another's tracker by guessing or replaying ids, and that a signed-out request
// changes nothing.

const session = vi.hoisted(() => ({ user: null as { id: string; email: string } | null }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error("signed out");
    return session.user;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveQuestionnaire } = await import("@/lib/actions/save-questionnaire");
const { updateSubmission } = await import("@/lib/actions/update-submission");
const { reportBrokenLink } = await import("@/lib/actions/report-broken-link");
const { getTracker } = await import("@/lib/tracker");

const campaignId = campaign().id;

async function person() {
  const email = `access-${randomUUID()}@example.test`;
  const user = await db.user.create({ data: { email } });
  await db.pledge.create({
    data: {
      userId: user.id,
      campaignId,
      country: "FR",
      platforms: ["facebook", "instagram"],
      locale: "en",
      referralCode: randomUUID().replaceAll("-", "").slice(0, 12),
    },
  });
  return { id: user.id, email };
}

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

const questionnaire = form({
  locale: "en",
  platforms: ["facebook", "instagram"],
  accounts_facebook: "1",
  accounts_instagram: "1",
  linked: "no",
});

async function snapshot(userId: string) {
  const [pledge, submissions, reports] = await Promise.all([
    db.pledge.findFirstOrThrow({ where: { userId } }),
    db.submission.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.linkReport.findMany({ where: { userId } }),
  ]);
  return { pledge, submissions, reports };
}

let alice: { id: string; email: string };
let mallory: { id: string; email: string };
let aliceFacebook: string;

beforeEach(async () => {
  alice = await person();
  mallory = await person();
  session.user = alice;
  expect(await saveQuestionnaire(null, questionnaire)).toMatchObject({ ok: true });
  const rows = await db.submission.findMany({ where: { userId: alice.id }, orderBy: { platform: "asc" } });
  aliceFacebook = rows[0]!.id;
  expect(
    await updateSubmission(
      null,
      form({ locale: "en", submissionId: aliceFacebook, status: "SUBMITTED", day: "2025-05-20" }),
    ),
  ).toMatchObject({ ok: true });
  session.user = mallory;
  expect(await saveQuestionnaire(null, questionnaire)).toMatchObject({ ok: true });
});

describe("one person's tracker is theirs alone", () => {
  it("a guessed or replayed id of someone else's account is 'not found' and changes nothing", async () => {
    const before = await snapshot(alice.id);
    const counters = await readCounters(campaignId);
    const replays: Record<string, string>[] = [
      { status: "NOT_STARTED" },
      { status: "CONFIRMED", day: "2025-05-21" },
      { status: "SUBMITTED", day: "2025-05-21", note: "mine now" },
    ];
    for (const entries of replays) {
      const result = await updateSubmission(
        null,
        form({ locale: "en", submissionId: aliceFacebook, ...entries }),
      );
      expect(result).toEqual({ ok: false, error: "not_found" });
    }
    expect(await snapshot(alice.id)).toEqual(before);
    expect(await readCounters(campaignId)).toEqual(counters);
  });

  it("saving answers only ever touches the signed-in person's own rows", async () => {
    const before = await snapshot(alice.id);
    const result = await saveQuestionnaire(
      null,
      form({
        locale: "en",
        platforms: ["whatsapp"],
        accounts_whatsapp: "1",
        email_whatsapp_1: "+31 6 12345678",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(await snapshot(alice.id)).toEqual(before);
    const own = await db.submission.findMany({ where: { userId: mallory.id } });
    expect(own.map((row) => row.platform)).toEqual(["whatsapp"]);
    // WhatsApp names an account by its phone number, kept without its spaces.
    expect(own.map((row) => row.accountIdentifier)).toEqual(["+31612345678"]);
  });

  it("reading shows only the signed-in person's accounts", async () => {
    const mine = await getTracker(mallory.id, { campaign: campaign(), now: new Date() });
    const ids = mine?.platforms.flatMap((p) => p.accounts.map((a) => a.id)) ?? [];
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain(aliceFacebook);
    const aliceRows = await db.submission.findMany({ where: { userId: alice.id }, select: { id: true } });
    for (const { id } of aliceRows) expect(ids).not.toContain(id);
  });

  it("a signed-out request changes nothing, whatever it sends", async () => {
    session.user = null;
    const before = await snapshot(alice.id);
    const counters = await readCounters(campaignId);
    expect(
      await updateSubmission(
        null,
        form({ locale: "en", submissionId: aliceFacebook, status: "NOT_STARTED" }),
      ),
    ).toEqual({ ok: false, error: "signed_out" });
    expect(await saveQuestionnaire(null, questionnaire)).toEqual({ ok: false, error: "signed_out" });
    expect(await reportBrokenLink(null, form({ locale: "en", platform: "whatsapp" }))).toEqual({
      ok: false,
      error: "signed_out",
    });
    expect(await snapshot(alice.id)).toEqual(before);
    expect(await readCounters(campaignId)).toEqual(counters);
  });

  it("bad input through the action is refused with field errors and writes nothing", async () => {
    session.user = alice;
    const before = await snapshot(alice.id);
    const cases: [Record<string, string | string[]>, Record<string, string>][] = [
      [
        { submissionId: aliceFacebook, status: "SUBMITTED", day: "2025-05-20", note: "x".repeat(501) },
        { note: "note_too_long" },
      ],
      [{ submissionId: aliceFacebook, status: "ARCHIVED" }, { status: "status_invalid" }],
      [{ submissionId: "x", status: "SUBMITTED" }, { submissionId: "account_invalid" }],
    ];
    for (const [entries, fieldErrors] of cases) {
      expect(await updateSubmission(null, form({ locale: "en", ...entries }))).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors,
      });
    }
    expect(
      await updateSubmission(
        null,
        form({ locale: "en", submissionId: aliceFacebook, status: "CONFIRMED", day: "2025-05-19" }),
      ),
    ).toEqual({
      ok: false,
      error: "confirmed_before_submitted",
      fieldErrors: { day: "confirmed_before_submitted" },
    });
    expect(
      await updateSubmission(
        null,
        form({ locale: "en", submissionId: aliceFacebook, status: "CONFIRMED", day: "2999-01-01" }),
      ),
    ).toEqual({ ok: false, error: "day_in_future", fieldErrors: { day: "day_in_future" } });
    expect(
      await saveQuestionnaire(null, form({ locale: "en", platforms: ["tiktok"], accounts_tiktok: "1" })),
    ).toMatchObject({ ok: false, error: "invalid", fieldErrors: { platforms: "platform_invalid" } });
    // A WhatsApp account is a phone number: an email address there is refused, field named.
    expect(
      await saveQuestionnaire(
        null,
        form({
          locale: "en",
          platforms: ["whatsapp"],
          accounts_whatsapp: "1",
          email_whatsapp_1: "a@example.org",
        }),
      ),
    ).toMatchObject({ ok: false, error: "invalid", fieldErrors: { email_whatsapp_1: "phone_invalid" } });
    expect(await reportBrokenLink(null, form({ locale: "en", platform: "tiktok" }))).toMatchObject({
      ok: false,
      error: "platform_invalid",
    });
    expect(await snapshot(alice.id)).toEqual(before);
  });

  it("a person without a pledge can write nothing", async () => {
    const stranger = await db.user.create({ data: { email: `nopledge-${randomUUID()}@example.test` } });
    session.user = { id: stranger.id, email: stranger.email };
    expect(await saveQuestionnaire(null, questionnaire)).toEqual({ ok: false, error: "no_pledge" });
    expect(await reportBrokenLink(null, form({ locale: "en", platform: "whatsapp" }))).toEqual({
      ok: false,
      error: "no_pledge",
    });
    expect(await db.submission.count({ where: { userId: stranger.id } })).toBe(0);
  });
});
