import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/r/[code]/image/route";
import { env } from "@/lib/env";

// Attack: make the server draw a new 1200x630 PNG for every made-up /r/<code>/image.
// (Huge bodies: the 2 MB cases of fuzz-routes.test.ts and fuzz-actions.test.ts.)

const drawn = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/referrals/images", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/referrals/images")>();
  return {
    ...real,
    referralImage: (...args: Parameters<typeof real.referralImage>) => {
      drawn.count += 1;
      return real.referralImage(...args);
    },
  };
});

const image = (code: string) =>
  GET(new NextRequest(`${env().APP_URL}/r/${encodeURIComponent(code)}/image`), {
    params: Promise.resolve({ code }),
  });

describe("attack: a new PNG drawn for every made-up referral code", () => {
  it("sends unknown and malformed codes to one static, cacheable image", async () => {
    const locations = new Set<string>();
    for (const code of ["zzzzzzzzzz", "Abcdefgh23", "../../etc/passwd", "x".repeat(300), "<b>", "%00"]) {
      const response = await image(code);
      expect(response.status).toBe(307);
      expect(response.headers.get("cache-control")).toMatch(/public, max-age=\d{4,}/);
      expect(response.headers.get("content-type") ?? "").not.toMatch(/image/);
      locations.add(response.headers.get("location") ?? "");
    }
    expect(drawn.count).toBe(0);
    expect([...locations]).toEqual([`${env().APP_URL}/og/invitation.png`]);
    const file = path.resolve("public/og/invitation.png");
    expect(existsSync(file)).toBe(true);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
