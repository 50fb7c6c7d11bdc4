import { type ChildProcess, spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./support/db";
import { startReverseProxy } from "./support/reverse-proxy";

// The attack: a script posts the sign-in form again and again, each time with a new
// random X-Forwarded-For, so that every post looks like a new client and the per-IP
// limit never bites. Next.js passes a client-sent X-Forwarded-For through unchanged,
// so the production server (scripts/server.ts) must count the socket's address, or
// behind a trusted proxy the address that proxy appended.
//
// The shared app instances run with the per-IP limit lifted (every e2e request comes
// from 127.0.0.1), so these tests start their own instances of the same build with
// the default limit, and send from addresses of their own in 127.0.0.0/8: fresh
// counters, whatever other spec files do meanwhile.

const LIMIT = 20;
const POSTS = 25;
const DIST = process.env.NEXT_DIST_DIR ?? ".next";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A loopback address no other test uses, as a distinct client. */
const clientAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const forgedAddress = () =>
  `${randomInt(1, 224)}.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

function signInActionId(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(DIST, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.filename === "lib/actions/request-sign-in.ts" && v.exportedName === "requestSignIn",
  );
  if (!entry) throw new Error("no requestSignIn server action in the build");
  return entry[0];
}

type App = { url: string; stop: () => Promise<void> };

/** The production server on the shared build, with the default per-IP limit. */
async function startApp(env: Record<string, string>): Promise<App> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "node_modules/.bin/tsx",
    ["scripts/server.ts", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        APP_URL: url,
        RATE_LIMIT_SIGNIN_PER_IP: String(LIMIT),
        TRUSTED_PROXY_HOPS: "0",
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`scripts/server.ts exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${url} did not start within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type Outcome = "sent" | "limited";

/** Posts the sign-in form as the browser's server-action call does, from `from`. */
async function postSignIn(options: {
  target: string;
  origin: string;
  from: string;
  forwardedFor?: string;
  actionId: string;
}): Promise<Outcome> {
  // As React encodes a FormData argument: its fields under "_<id>_", then the arguments
  // ("0") that refer to it as "$K<id>".
  const form = new FormData();
  form.set("_1_email", uniqueEmail("forged-ip"));
  form.set("_1_locale", "en");
  form.set("0", '[null,"$K1"]');
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const target = new URL("/en/sign-in", options.target);
  const { status, headers, text } = await new Promise<{
    status: number;
    headers: http.IncomingHttpHeaders;
    text: string;
  }>((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        localAddress: options.from,
        headers: {
          "content-type": encoded.headers.get("content-type") ?? "",
          "content-length": body.length,
          "next-action": options.actionId,
          origin: options.origin,
          accept: "text/x-component",
          ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
  // The action's result, not a page's messages that merely name the error.
  if (text.includes('"error":"rate_limited"')) return "limited";
  expect(status, text.slice(0, 300)).toBeLessThan(400);
  expect(String(headers["x-action-redirect"]), text.slice(0, 300)).toContain("/en/sign-in/check-email");
  return "sent";
}

const expected: Outcome[] = [
  ...Array<Outcome>(LIMIT).fill("sent"),
  ...Array<Outcome>(POSTS - LIMIT).fill("limited"),
];

test.describe("forged X-Forwarded-For", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  test("forged X-Forwarded-For on every sign-in post does not escape the per-IP limit (app served directly)", async () => {
    const app = await startApp({});
    try {
      const actionId = signInActionId();
      const attacker = clientAddress();
      const outcomes: Outcome[] = [];
      for (let i = 0; i < POSTS; i++) {
        // Both shapes a forger tries: one address, and a chain that looks proxied.
        const forwardedFor = i % 2 ? forgedAddress() : `${forgedAddress()}, ${forgedAddress()}`;
        outcomes.push(
          await postSignIn({ target: app.url, origin: app.url, from: attacker, forwardedFor, actionId }),
        );
      }
      expect(outcomes).toEqual(expected);

      // The limit is per client: someone else on another address still gets through.
      expect(await postSignIn({ target: app.url, origin: app.url, from: clientAddress(), actionId })).toBe(
        "sent",
      );
    } finally {
      await app.stop();
    }
  });

  test("forged X-Forwarded-For through a trusted reverse proxy (TRUSTED_PROXY_HOPS=1) does not escape the per-IP limit", async () => {
    const proxyPort = await freePort();
    const proxyURL = `http://127.0.0.1:${proxyPort}`;
    const app = await startApp({ TRUSTED_PROXY_HOPS: "1", APP_URL: proxyURL });
    const upstream = new URL(app.url);
    const proxy = await startReverseProxy(
      { host: "127.0.0.1", port: proxyPort },
      { host: upstream.hostname, port: Number(upstream.port) },
    );
    try {
      const actionId = signInActionId();
      const attacker = clientAddress();
      const outcomes: Outcome[] = [];
      for (let i = 0; i < POSTS; i++) {
        outcomes.push(
          await postSignIn({
            target: proxyURL,
            origin: proxyURL,
            from: attacker,
            forwardedFor: forgedAddress(),
            actionId,
          }),
        );
      }
      expect(outcomes).toEqual(expected);
      expect(await postSignIn({ target: proxyURL, origin: proxyURL, from: clientAddress(), actionId })).toBe(
        "sent",
      );
    } finally {
      proxy.close();
      await app.stop();
    }
  });
});
