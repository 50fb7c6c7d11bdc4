import { describe, expect, it } from "vitest";
import { isPerRequest } from "@/lib/i18n/navigation";

describe("isPerRequest (links not prefetched)", () => {
  it("matches a per-request page with any path, query or fragment after it", () => {
    for (const href of [
      "/dashboard",
      "/dashboard#step-2",
      "/dashboard?from=email",
      "/account/export",
      "/organiser",
      "/unsubscribe?token=x",
    ]) {
      expect(isPerRequest(href), href).toBe(true);
    }
  });

  it("leaves public pages and look-alike names to be prefetched", () => {
    for (const href of [
      "/",
      "/pledge",
      "/stats",
      "/guides/facebook",
      "/dashboards",
      "/accounting",
      "/done-list",
    ]) {
      expect(isPerRequest(href), href).toBe(false);
    }
  });
});
