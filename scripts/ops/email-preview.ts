// npm run email:dev - preview every template in emails/ with its PreviewProps, as
// HTML and as plain text, at http://localhost:3030. Works offline (no CLI download).
import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createElement, type FunctionComponent } from "react";
import { renderEmail } from "../../lib/mail/render";

const port = Number(process.argv[2] ?? 3030);
const dir = path.resolve("emails");

type Template = FunctionComponent<Record<string, unknown>> & { PreviewProps?: Record<string, unknown> };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function templates(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => f.slice(0, -4));
}

async function render(name: string) {
  // A fresh URL each time, so edits show on reload.
  const mod = (await import(`${pathToFileURL(path.join(dir, `${name}.tsx`)).href}?v=${Date.now()}`)) as {
    default: Template;
  };
  return renderEmail(createElement(mod.default, mod.default.PreviewProps ?? {}));
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const [, name, format] = url.pathname.split("/");
    try {
      if (name && templates().includes(name)) {
        const email = await render(name);
        if (format === "text") {
          res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
          return res.end(email.text);
        }
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(email.html);
      }
      const items = templates()
        .map((t) => `<li>${escapeHtml(t)}: <a href="/${t}">HTML</a> · <a href="/${t}/text">text</a></li>`)
        .join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html lang="en"><title>Email templates</title><h1>Email templates</h1><ul>${items}</ul>`,
      );
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(String((error as Error).stack ?? error));
    }
  })
  .listen(port, () => console.log(`Email previews on http://localhost:${port}`));
