import { describe, expect, it } from "vitest";
import { canonicalEmail } from "@/lib/rate-limit/canonical-email";

// Attack: one inbox, many spellings, each with its own sign-in allowance.

describe("attack: one inbox spelled many ways (canonicalEmail)", () => {
  it.each([
    ["Jane.Doe@Gmail.com", "janedoe@gmail.com"],
    ["j.a.n.e.d.o.e+pledge@googlemail.com", "janedoe@gmail.com"],
    ["  JANEDOE+a+b@GMAIL.COM ", "janedoe@gmail.com"],
    ["jane.doe+news@example.org", "jane.doe@example.org"],
    ["Jane.Doe@Example.org", "jane.doe@example.org"],
  ])("%s counts as %s", (address, canonical) => {
    expect(canonicalEmail(address)).toBe(canonical);
  });

  it("keeps dots outside Gmail, and a local part that is all tag", () => {
    expect(canonicalEmail("first.last@outlook.com")).toBe("first.last@outlook.com");
    expect(canonicalEmail("+tag@example.org")).toBe("+tag@example.org");
    expect(canonicalEmail("not-an-address")).toBe("not-an-address");
  });
});
