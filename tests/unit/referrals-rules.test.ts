import { describe, expect, it } from "vitest";
import { newReferralCode, REFERRAL_CODE_PATTERN } from "@/lib/pledges/referral-code";
import { hashNetwork, networkPrefix } from "@/lib/referrals/network-hash";
import { imageText, isImageSafe } from "@/lib/referrals/og";
import {
  addressSkeleton,
  containsBlockedWord,
  milestonesReached,
  nextMilestone,
  SMALL_COUNT_K,
  shownInviteCount,
  similarAddressGroups,
} from "@/lib/referrals/rules";
import { displayNameSchema } from "@/lib/referrals/schema";

describe("referral codes", () => {
  it("are 10 characters from an unambiguous alphabet, random and valid links", () => {
    const codes = Array.from({ length: 500 }, () => newReferralCode());
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-hjkmnp-zA]{10}$/);
      expect(REFERRAL_CODE_PATTERN.test(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("reject markup, paths and odd lengths", () => {
    for (const bad of ["<script>", "../etc", "abc", "a".repeat(17), "abc def ghij", "%3Cb%3E"]) {
      expect(REFERRAL_CODE_PATTERN.test(bad)).toBe(false);
    }
  });
});

describe("display names", () => {
  const parse = (name: unknown) => displayNameSchema.safeParse(name);
  const errorOf = (name: unknown) => {
    const result = parse(name);
    return result.success ? null : result.error.issues[0]?.message;
  };

  it("accept 2..30 characters, trimmed and with spaces collapsed, in any script", () => {
    expect(parse("  Ada   L.  ").data).toBe("Ada L.");
    expect(parse("Jo").success).toBe(true);
    expect(parse("Zoë 🌍").success).toBe(true);
    expect(parse("Łukasz").success).toBe(true);
    expect(parse("a".repeat(30)).success).toBe(true);
  });

  it("refuse too short, too long, empty and invisible characters", () => {
    expect(errorOf("A")).toBe("display_name_too_short");
    expect(errorOf("   ")).toBe("display_name_required");
    expect(errorOf("a".repeat(31))).toBe("display_name_too_long");
    expect(errorOf("Ann\u202Eevil")).toBe("display_name_invisible");
    expect(errorOf("Ann\u0000")).toBe("display_name_invisible");
    expect(errorOf(undefined)).toBe("display_name_required");
  });

  it("keep markup as typed: it is stored as plain text and rendered inert", () => {
    expect(parse("<b>Bo</b>").data).toBe("<b>Bo</b>");
    expect(parse('<img src=x onerror="1">').success).toBe(true);
  });

  it("refuse blocked words, also disguised by case, accents, digits and spacing", () => {
    for (const name of ["Admin", "the ADM1N", "N a z i", "sh1t happens", "Offícial team", "m0derator"]) {
      expect(containsBlockedWord(name), name).toBe(true);
      expect(errorOf(name), name).toBe("display_name_blocked");
    }
    for (const name of ["Ada", "Greta from Kiel", "Maria 2", "Jean-Luc"]) {
      expect(containsBlockedWord(name), name).toBe(false);
    }
  });
});

describe("near-identical addresses", () => {
  it("reduce to one skeleton when only digits, dots, plus-tags differ", () => {
    const skeleton = addressSkeleton("ann.b@x.org");
    for (const email of ["annb@x.org", "ann.b+1@x.org", "a.n.n.b7@X.org", "ANNB_12@x.org", "ann-b@x.org"]) {
      expect(addressSkeleton(email), email).toBe(skeleton);
    }
    expect(addressSkeleton("annb@y.org")).not.toBe(skeleton);
    expect(addressSkeleton("anna@x.org")).not.toBe(skeleton);
  });

  it("group only when at least three share a skeleton", () => {
    expect(similarAddressGroups(["max@x.org", "max2@x.org"]).size).toBe(0);
    const groups = similarAddressGroups(["max@x.org", "max2@x.org", "m.ax+3@x.org", "eva@x.org"]);
    expect([...groups.values()]).toEqual([["max@x.org", "max2@x.org", "m.ax+3@x.org"]]);
  });
});

describe("network prefixes", () => {
  it("take the /24 of IPv4, mapped IPv4 included", () => {
    expect(networkPrefix("203.0.113.7")).toBe("203.0.113.0/24");
    expect(networkPrefix("::ffff:203.0.113.200")).toBe("203.0.113.0/24");
  });

  it("take the /48 of IPv6 however it is written", () => {
    expect(networkPrefix("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(networkPrefix("2001:0db8:abcd:0099:0000:0000:0000:0001")).toBe("2001:db8:abcd::/48");
    expect(networkPrefix("[2001:db8:abcd::5]")).toBe("2001:db8:abcd::/48");
    expect(networkPrefix("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(networkPrefix("::1")).toBe("0:0:0::/48");
  });

  it("is null for anything else", () => {
    for (const bad of ["unknown", "", "300.1.1.1", "example.org"]) expect(networkPrefix(bad)).toBeNull();
  });

  it("hashes prefix and secret together, never keeping the address", () => {
    const secret = "s".repeat(32);
    const a = hashNetwork("203.0.113.7", secret);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(hashNetwork("203.0.113.99", secret)).toBe(a);
    expect(hashNetwork("203.0.114.7", secret)).not.toBe(a);
    expect(hashNetwork("203.0.113.7", "t".repeat(32))).not.toBe(a);
    expect(a).not.toContain("203");
    expect(hashNetwork("unknown", secret)).toBeNull();
  });
});

describe("milestones", () => {
  it("are earned at 3, 10 and 25 verified invitees (never for one friend alone)", () => {
    expect(milestonesReached(0)).toEqual([]);
    expect(milestonesReached(1)).toEqual([]);
    expect(milestonesReached(2)).toEqual([]);
    expect(milestonesReached(3)).toEqual([3]);
    expect(milestonesReached(10)).toEqual([3, 10]);
    expect(milestonesReached(99)).toEqual([3, 10, 25]);
  });

  it("name the next badge, or none once all are earned", () => {
    expect(nextMilestone(0)).toBe(3);
    expect(nextMilestone(3)).toBe(10);
    expect(nextMilestone(24)).toBe(25);
    expect(nextMilestone(25)).toBeNull();
  });

  it("attack: one or two invitees on the card do not tell what an identified friend did", () => {
    expect(shownInviteCount(0)).toBe(0);
    expect(shownInviteCount(1)).toBeNull();
    expect(shownInviteCount(2)).toBeNull();
    expect(shownInviteCount(SMALL_COUNT_K)).toBe(SMALL_COUNT_K);
    expect(shownInviteCount(40)).toBe(40);
  });
});

describe("preview image text", () => {
  it("shows only names the bundled font can draw, so no font is ever fetched", () => {
    expect(isImageSafe("Zoë")).toBe(true);
    expect(isImageSafe("Łukasz")).toBe(true);
    expect(isImageSafe("Дмитрий")).toBe(false);
    expect(isImageSafe("Ana 🌍")).toBe(false);
    expect(imageText("12\u202F345")).toBe("12 345");
  });
});
