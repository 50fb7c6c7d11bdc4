import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createTranslator } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadCampaign, localized } from "@/lib/campaign";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { landingImage } from "@/lib/referrals/images";
import { imageText, isImageSafe } from "@/lib/referrals/og";
import type enMeta from "@/messages/en/meta.json";
import type enReferrals from "@/messages/en/referrals.json";

// The link preview images are drawn with the one font next/og bundles; a character it
// lacks makes next/og fetch a font from Google at run time (which fails offline and
// is a third party anyway). Every text those images show, in every language, must be
// in that font.

// Outside Next's react-server build next-intl/server refuses to run: translate with
// the real messages, as the server does.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/messages");
  return {
    getTranslations: async ({ locale, namespace }: { locale: string; namespace: string }) =>
      createTranslator({ locale, messages: loadMessages(locale), namespace }),
  };
});
vi.mock("@/lib/stats", () => ({ getPublicStats: async () => ({ totals: { verifiedPledges: 12345 } }) }));
vi.mock("@/lib/referrals/preview", () => ({ getReferralPreview: async () => null }));

/** The font file next/og's Node build reads (named in its code, so an upgrade that
 * swaps the font is followed). */
function bundledFont(): string {
  const dir = path.join(
    path.dirname(createRequire(import.meta.url).resolve("next/package.json")),
    "dist/compiled/@vercel/og",
  );
  const code = readFileSync(path.join(dir, "index.node.js"), "utf8");
  const match = code.match(/fontData = \w+\.readFileSync\(\s*fileURLToPath\(new URL\("\.\/([^"]+\.[ot]tf)"/);
  if (!match) throw new Error(`no font file named in ${dir}/index.node.js`);
  return path.join(dir, match[1]!);
}

/** The characters a TrueType/OpenType font maps to a glyph (cmap formats 4 and 12). */
function fontCharacters(font: Buffer): Set<number> {
  const tables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(4); i++)
    tables.set(font.toString("latin1", 12 + i * 16, 16 + i * 16), font.readUInt32BE(20 + i * 16));
  const cmap = tables.get("cmap");
  if (cmap === undefined) throw new Error("font has no cmap table");
  const found = new Set<number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const [platform, encoding] = [font.readUInt16BE(record), font.readUInt16BE(record + 2)];
    const isUnicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const table = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(table);
    if (!isUnicode) continue;
    if (format === 4) {
      const segments = font.readUInt16BE(table + 6) / 2;
      const ends = table + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const [start, end] = [font.readUInt16BE(starts + s * 2), font.readUInt16BE(ends + s * 2)];
        const [delta, rangeOffset] = [
          font.readInt16BE(deltas + s * 2),
          font.readUInt16BE(rangeOffsets + s * 2),
        ];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const indexed =
            rangeOffset && font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : indexed && (indexed + delta) & 0xffff;
          if (glyph) found.add(c);
        }
      }
    }
    if (format === 12)
      for (let g = 0; g < font.readUInt32BE(table + 12); g++) {
        const group = table + 16 + g * 12;
        const [start, end, glyph] = [0, 4, 8].map((o) => font.readUInt32BE(group + o)) as [
          number,
          number,
          number,
        ];
        for (let c = start; c <= end; c++) if (glyph + c - start) found.add(c);
      }
  }
  return found;
}

const FONT = bundledFont();
const covered = fontCharacters(readFileSync(FONT));
const lacking = (text: string) =>
  [...new Set(text)]
    .filter((char) => !covered.has(char.codePointAt(0)!))
    .map((char) => `${char} U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);

describe(`the link preview font (${path.basename(FONT)})`, () => {
  afterEach(() => vi.restoreAllMocks());

  it("has the letters and punctuation of every language", () => {
    const letters = {
      pl: "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",
      pt: "ãõçáéêóôúàÃÕÇÁÉÊÓÔÚÀ",
      fr: "éèêëàâçîïôûùüÿœ«»ÉÈÊËÀÂÇÎÏÔÛÙÜŸŒ",
      de: "äöüßÄÖÜ",
      es: "ñÑ¿¡",
      it: "àèéìòùÀÈÉÌÒÙ",
      nl: "ëïËÏ",
      punctuation: "’“”„\u00A0",
    };
    for (const [language, text] of Object.entries(letters)) expect(lacking(text), language).toEqual([]);
  });

  it.each(LOCALES.map((locale) => [locale]))("has every character the %s images show", (locale) => {
    const campaign = loadCampaign();
    const messages = loadMessages(locale) as typeof enReferrals & typeof enMeta;
    const t = createTranslator({ locale, messages, namespace: "referrals.og" });
    const tMeta = createTranslator({ locale, messages, namespace: "meta" });
    const texts = [
      t("landingHeadline", { company: campaign.company }),
      t("invitedBy", { name: "Zoë" }),
      t("invited"),
      t("cta"),
      // Every plural form, with the language's digit grouping, as images.tsx draws it.
      ...[0, 1, 2, 5, 22, 1.5, 1234567].map((count) => imageText(t("pledged", { count }))),
      tMeta("siteName"),
      localized(campaign.name, locale),
    ];
    expect(lacking(texts.join(""))).toEqual([]);
  });

  it("has every character a first name may use on an image", () => {
    const accepted = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter(
      (char) => !/[\uD800-\uDFFF]/.test(char) && isImageSafe(char),
    );
    expect(accepted.length).toBeGreaterThan(300);
    expect(lacking(accepted.join(""))).toEqual([]);
  });

  it("draws the Polish landing image as a PNG without fetching a font", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const response = await landingImage("pl");
    const png = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // satori loads its own WebAssembly from a data: URL; anything else is a font download.
    const fetched = fetchSpy.mock.calls.map(([url]) => String(url)).filter((url) => !url.startsWith("data:"));
    expect(fetched).toEqual([]);
  });
});
