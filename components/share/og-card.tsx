import type { ReactElement } from "react";

/**
 * The layout of the link preview images (rendered by next/og, which understands a
 * subset of CSS: every element with several children is a flex box). Pure: the
 * routes pass in translated, image-safe text.
 */
export function OgCard({
  eyebrow,
  headline,
  figure,
  footer,
}: {
  eyebrow: string;
  headline: string;
  figure: string | null;
  footer: string;
}): ReactElement {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#172554",
        color: "#ffffff",
      }}
    >
      <div style={{ display: "flex", fontSize: 30, color: "#bfdbfe", letterSpacing: 1 }}>{eyebrow}</div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 68, lineHeight: 1.1, fontWeight: 700 }}>{headline}</div>
        {figure && (
          <div style={{ display: "flex", marginTop: 36, fontSize: 44, color: "#fde68a" }}>{figure}</div>
        )}
      </div>
      <div style={{ display: "flex", fontSize: 30, color: "#dbeafe" }}>{footer}</div>
    </div>
  );
}
