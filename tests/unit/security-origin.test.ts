import { describe, expect, it } from "vitest";
import { bearerAccess } from "@/lib/http/bearer";
import { checkSameOrigin } from "@/lib/security/origin";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://app.example/api/account/export", {
    method,
    headers: { host: "app.example", ...headers },
  });

describe("checkSameOrigin", () => {
  it("accepts same-origin requests and typed URLs", () => {
    expect(checkSameOrigin(request("POST", { "sec-fetch-site": "same-origin" })).ok).toBe(true);
    expect(checkSameOrigin(request("GET", { "sec-fetch-site": "none" })).ok).toBe(true);
    expect(checkSameOrigin(request("POST", { origin: "http://app.example" })).ok).toBe(true);
  });

  it("refuses cross-site and same-site-but-other-origin POSTs", () => {
    expect(checkSameOrigin(request("POST", { "sec-fetch-site": "cross-site" }))).toEqual({
      ok: false,
      reason: "cross_site",
    });
    expect(checkSameOrigin(request("POST", { "sec-fetch-site": "same-site" })).ok).toBe(false);
    expect(checkSameOrigin(request("POST", { origin: "https://evil.example" })).ok).toBe(false);
    expect(checkSameOrigin(request("POST", { origin: "null" })).ok).toBe(false);
    expect(checkSameOrigin(request("DELETE", {})).ok).toBe(false);
  });

  it("lets a cross-site link open a GET download, but not a cross-site fetch", () => {
    expect(
      checkSameOrigin(request("GET", { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" })).ok,
    ).toBe(true);
    expect(
      checkSameOrigin(request("GET", { "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" })).ok,
    ).toBe(false);
    expect(
      checkSameOrigin(request("POST", { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" })).ok,
    ).toBe(false);
  });
});

describe("bearerAccess", () => {
  it("is disabled without a secret and exact with one", () => {
    expect(bearerAccess("Bearer x", undefined)).toBe("disabled");
    expect(bearerAccess("Bearer s3cret-s3cret-s3cret", "s3cret-s3cret-s3cret")).toBe("ok");
    expect(bearerAccess("Bearer s3cret-s3cret-s3cre", "s3cret-s3cret-s3cret")).toBe("unauthorized");
    expect(bearerAccess(null, "s3cret-s3cret-s3cret")).toBe("unauthorized");
  });
});
