/**
 * A QR code drawn on the server (lib/referrals/qr.ts builds the SVG from our own
 * link with `qrcode`, with its <title>): inlined, so no image request is made.
 */
export function QrCode({ svg, caption, className }: { svg: string; caption: string; className?: string }) {
  return (
    <figure className={className}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: SVG generated on the server by `qrcode` from our own URL, title escaped */}
      <div className="size-48 bg-surface [&>svg]:size-full" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="mt-2 max-w-xs text-sm text-ink-muted">{caption}</figcaption>
    </figure>
  );
}
