import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, negotiateLocale } from "@/lib/i18n/negotiate";

describe("the language of /r/CODE", () => {
  it("takes the best of the browser's languages the app speaks, by weight then order", () => {
    expect(localeFromAcceptLanguage("de-AT,de;q=0.9,en;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("sv-SE, pt-BR;q=0.7, fr;q=0.9")).toBe("fr");
    expect(localeFromAcceptLanguage("PL")).toBe("pl");
    expect(localeFromAcceptLanguage("en;q=0.5, nl;q=0.5")).toBe("en");
  });

  it("ignores what it cannot use: languages it does not speak, q=0, wildcards and junk", () => {
    for (const header of [null, undefined, "", "sv, fi", "*", "fr;q=0", "fr;q=abc", "<script>", "de_DE"]) {
      expect(localeFromAcceptLanguage(header), String(header)).toBeNull();
    }
    expect(localeFromAcceptLanguage("fr;q=0, it")).toBe("it");
  });

  it("prefers the remembered choice, then the browser, then the link owner's language, then English", () => {
    expect(negotiateLocale({ cookie: "es", acceptLanguage: "de", fallback: "pl" })).toBe("es");
    expect(negotiateLocale({ cookie: "xx", acceptLanguage: "de", fallback: "pl" })).toBe("de");
    expect(negotiateLocale({ acceptLanguage: "sv", fallback: "pl" })).toBe("pl");
    expect(negotiateLocale({ acceptLanguage: null, fallback: "zz" })).toBe("en");
    expect(negotiateLocale({})).toBe("en");
  });
});
