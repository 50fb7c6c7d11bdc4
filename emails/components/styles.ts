import type { CSSProperties } from "react";

// Inline styles only (mail clients drop <style> and external CSS); system fonts only,
// so nothing is fetched from a third party when the email is opened.

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

export const styles = {
  body: { backgroundColor: "#f8fafc", fontFamily, margin: 0, padding: "24px 0" },
  container: {
    backgroundColor: "#ffffff",
    border: "1px solid #e2e8f0",
    borderRadius: "8px",
    margin: "0 auto",
    maxWidth: "560px",
    padding: "32px",
  },
  eyebrow: {
    color: "#1e40af",
    fontSize: "13px",
    fontWeight: 700,
    letterSpacing: "0.04em",
    lineHeight: "18px",
    margin: "0 0 8px",
    textTransform: "uppercase",
  },
  heading: { color: "#0f172a", fontSize: "22px", fontWeight: 700, lineHeight: "30px", margin: "0 0 16px" },
  text: { color: "#1e293b", fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  muted: { color: "#475569", fontSize: "14px", lineHeight: "20px", margin: "0 0 12px" },
  button: {
    backgroundColor: "#1e40af",
    borderRadius: "6px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "16px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  buttonSection: { margin: "8px 0 24px" },
  link: { color: "#1e40af", fontSize: "14px", lineHeight: "20px", wordBreak: "break-all" },
  hr: { borderColor: "#e2e8f0", margin: "24px 0" },
  footer: { color: "#64748b", fontSize: "12px", lineHeight: "18px", margin: "0 0 4px" },
} satisfies Record<string, CSSProperties>;
