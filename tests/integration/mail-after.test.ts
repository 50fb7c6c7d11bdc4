import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { FakeEmail } from "@/tests/fakes/resend-server";

// On a serverless host the process may freeze once the response is sent, so mail a
// request queued must go out in that request's after() work, not on a timer.

const pendingAfter: Array<() => unknown> = [];
vi.mock("next/server", () => ({
  after: (task: () => unknown) => {
    pendingAfter.push(task);
  },
}));
process.env.VERCEL = "1";

const FAKE = process.env.FAKE_RESEND_URL;
if (!FAKE) throw new Error("FAKE_RESEND_URL is not set: run with `npm test -- --only=integration`");

async function delivered(to: string): Promise<FakeEmail[]> {
  const response = await fetch(`${FAKE}/_fake/emails?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { data: FakeEmail[] }).data;
}

describe("mail queued by a request on a serverless host", () => {
  it("is sent by the request's after() work, with no timer", async () => {
    const { sendSignInLink } = await import("@/lib/mail");
    const to = `after-${randomUUID()}@example.test`;
    await sendSignInLink({
      to,
      url: `http://localhost:3000/en/sign-in/confirm?token=${randomUUID()}`,
      locale: "en",
    });

    const kicker = (globalThis as { mailKicker?: { periodic?: unknown; debounce?: unknown } }).mailKicker;
    expect(kicker?.periodic).toBeUndefined();
    expect(kicker?.debounce).toBeUndefined();
    expect(pendingAfter).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await delivered(to)).toHaveLength(0);

    await Promise.all(pendingAfter.splice(0).map((task) => task()));
    expect(await delivered(to)).toHaveLength(1);
  });
});
