import "server-only";
import QRCode from "qrcode";

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The link as a QR code in SVG, drawn on the server by `qrcode`, with a <title> so
 * screen readers announce it as an image of the link.
 */
export async function qrCodeSvg(url: string, title: string, titleId: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return svg
    .replace(/<svg\b/, `<svg role="img" aria-labelledby="${escapeXml(titleId)}" focusable="false"`)
    .replace(/(<svg[^>]*>)/, `$1<title id="${escapeXml(titleId)}">${escapeXml(title)}</title>`);
}
