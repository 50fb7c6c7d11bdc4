import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDb, startEmbeddedDb } from "@/scripts/embedded-db";

// `npm run reminders`, `npm run retention`, `npm run db -- ...` beside a running
// `npm start` on the embedded default: the launcher's exec path must use the app's
// database, not refuse, and must leave it running. Each case gets its own data folder
// and port, as EMBEDDED_DB_DIR / EMBEDDED_DB_PORT give them.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

type Result = { code: number | null; stdout: string; stderr: string };

/** `tsx scripts/launch.ts exec -- node -e <script>` on the embedded default (no DATABASE_URL). */
function launchExec(dir: string, port: number, script: string): Promise<Result> {
  const { DATABASE_URL: _external, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(
      "node_modules/.bin/tsx",
      ["scripts/launch.ts", "exec", "--", process.execPath, "-e", script],
      { env: { ...env, EMBEDDED_DB_DIR: dir, EMBEDDED_DB_PORT: String(port) } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

// Runs in the command: reads what the test wrote, writes a row back, prints its database.
const COMMAND = `
const pg = require("pg");
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
client.connect()
  .then(() => client.query("SELECT token FROM attach_probe WHERE writer = 'test'"))
  .then((r) => { console.log("read:" + r.rows[0].token); })
  .then(() => client.query("INSERT INTO attach_probe (writer, token) VALUES ('command', 'from-the-command')"))
  .then(() => { console.log("url:" + process.env.DATABASE_URL); return client.end(); })
  .catch((e) => { console.error(e); process.exit(3); });
`;

const lockOf = (dir: string) => path.join(path.dirname(dir), `${path.basename(dir)}.lock`);

describe("commands beside a running app on the embedded database", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "embedded-attach-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe("while the app's embedded database runs", () => {
    const dir = path.join(root, "running");
    let running: EmbeddedDb;
    let pool: pg.Pool;
    const token = `t${Date.now()}`;

    beforeAll(async () => {
      // As `npm start` does: a data folder with its lock, on EMBEDDED_DB_PORT.
      running = await startEmbeddedDb({ dir, port: await freePort(), log: () => {} });
      pool = new pg.Pool({ connectionString: running.url, max: 2 });
      await pool.query("CREATE TABLE attach_probe (writer text NOT NULL, token text NOT NULL)");
      await pool.query("INSERT INTO attach_probe VALUES ('test', $1)", [token]);
    });

    afterAll(async () => {
      await pool?.end();
      await running?.stop();
    });

    it("runs the command against the same database and leaves it running", async () => {
      const result = await launchExec(dir, running.port, COMMAND);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`using the embedded database of process ${process.pid}`);
      expect(result.stderr).not.toContain("is in use by process");
      expect(result.stdout).toContain(`read:${token}`);
      expect(result.stdout).toContain(`url:postgresql://postgres@127.0.0.1:${running.port}/`);

      // Still up, still ours, and it holds what the command wrote.
      const { rows } = await pool.query<{ token: string }>(
        "SELECT token FROM attach_probe WHERE writer = 'command'",
      );
      expect(rows.map((r) => r.token)).toEqual(["from-the-command"]);
      expect(readFileSync(lockOf(dir), "utf8").split("\n")[0]).toBe(String(process.pid));
    }, 240_000);
  });

  it("starts its own embedded database when none runs, and stops it afterwards", async () => {
    const dir = path.join(root, "idle");
    const port = await freePort();
    const create = "CREATE TABLE attach_probe (writer text NOT NULL, token text NOT NULL)";
    const seed = `INSERT INTO attach_probe VALUES ('test', 'seeded-by-the-command')`;
    const script = `
const pg = require("pg");
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
client.connect().then(() => client.query(${JSON.stringify(create)})).then(() => client.query(${JSON.stringify(seed)}))
  .then(() => client.end()).then(() => { ${COMMAND} })
  .catch((e) => { console.error(e); process.exit(3); });`;
    const result = await launchExec(dir, port, script);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("using the embedded database of process");
    expect(result.stdout).toContain("read:seeded-by-the-command");
    expect(result.stdout).toContain(`url:postgresql://postgres@127.0.0.1:${port}/`);
    expect(existsSync(lockOf(dir))).toBe(false);
    expect(await isPortFree(port)).toBe(true);
  }, 240_000);

  it("refuses, leaving the lock alone, when the lock's port does not answer as PostgreSQL", async () => {
    const dir = path.join(root, "impostor");
    const impostor = http.createServer((_req, res) => res.end("not postgres"));
    await new Promise<void>((resolve) => impostor.listen(0, "127.0.0.1", resolve));
    const port = (impostor.address() as net.AddressInfo).port;
    mkdirSync(dir, { recursive: true });
    writeFileSync(lockOf(dir), `${process.pid}\n${port}\n`);
    try {
      const result = await launchExec(dir, port, "process.exit(0)");
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `is in use by process ${process.pid}, but nothing answers as PostgreSQL on 127.0.0.1:${port}`,
      );
      expect(readFileSync(lockOf(dir), "utf8")).toBe(`${process.pid}\n${port}\n`);
    } finally {
      impostor.close();
    }
  }, 60_000);
});
