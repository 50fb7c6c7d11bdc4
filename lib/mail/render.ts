import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

export type RenderedEmail = { html: string; text: string };

/** HTML and plain text of a React Email template (the text is derived from the HTML). */
export async function renderEmail(element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
