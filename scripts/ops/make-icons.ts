// Draws the raster app icons from the mark in app/icon.svg (the browser tab's icon),
// so the three files always show the same drawing. Run it after changing the mark:
//   npx tsx scripts/ops/make-icons.ts
// - app/favicon.ico: 16, 32 and 48 px on a transparent background (PNG inside ICO,
//   which every current browser reads), for clients that ask for /favicon.ico;
// - app/apple-icon.png: 180 px, the mark in white on the brand blue, opaque, as iOS
//   wants for home-screen icons (it rounds the corners itself).
// Next.js serves each under its file name and links them from every page.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const APP = path.resolve(import.meta.dirname, "../../app");
const mark = readFileSync(path.join(APP, "icon.svg"), "utf8");
// The home-screen version: the shield white, the tick in the brand blue, on blue.
const homeScreen = mark
  .replace('fill="#1e40af"', 'fill="#ffffff"')
  .replace('stroke="#fff"', 'stroke="#1e40af"')
  .replace("<path", '<rect width="32" height="32" fill="#1e40af"/><path');

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

async function main() {
  const browser = await chromium.launch(
    SYSTEM_CHROMIUM
      ? { executablePath: SYSTEM_CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] }
      : {},
  );
  const render = async (svg: string, size: number, transparent: boolean) => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${sized}</body>`);
    const png = await page.screenshot({ omitBackground: transparent });
    await page.close();
    return png;
  };
  const sizes = [16, 32, 48];
  const pngs = await Promise.all(sizes.map((size) => render(mark, size, true)));
  writeFileSync(path.join(APP, "favicon.ico"), ico(sizes.map((size, i) => ({ size, png: pngs[i]! }))));
  writeFileSync(path.join(APP, "apple-icon.png"), await render(homeScreen, 180, false));
  await browser.close();
}

/** An ICO file holding PNG images (ICONDIR, one ICONDIRENTRY each, then the data). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
