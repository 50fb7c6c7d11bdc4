// Link preview images are drawn by next/og with its bundled font only: a character
// the font lacks would make it fetch a font from Google at run time, which this app
// never does. So text from people (a first name) is shown only when every character
// is one the bundled font (Geist) covers: Latin, Latin-1 and Latin Extended-A but a few
// rare letters (Ĕ Ĭ ĸ Ŀ ŉ Ŏ ſ, the soft hyphen), and from Extended-B only Romanian Ș Ț.
// tests/unit/og-font.test.ts checks every accepted character against the font.

export const OG_SIZE = { width: 1200, height: 630 } as const;

const IMAGE_SAFE =
  /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u0113\u0116-\u012B\u012E-\u0137\u0139-\u013E\u0141-\u0148\u014A-\u014D\u0150-\u017E\u0218-\u021B\u2018\u2019\u201C\u201D\u2013\u2014\u2026]*$/;

export function isImageSafe(text: string): boolean {
  return IMAGE_SAFE.test(text);
}

/** `text` with spaces the font may lack (narrow no-break spaces in numbers) made plain. */
export function imageText(text: string): string {
  return text.replace(/[\u202F\u2009\u2007]/g, " ");
}
