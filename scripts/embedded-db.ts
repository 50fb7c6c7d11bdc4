// The embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) served on a
// local TCP port, so the app, Prisma's CLI and psql talk to it exactly as they talk
// to a real server. Runs inside the launcher's process and stops with it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; port: number; stop: () => Promise<void> };

export class EmbeddedDbError extends Error {
  override name = "EmbeddedDbError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data directory's lock; a lock left by a dead process is reclaimed. */
function acquireLock(dir: string, log: (line: string) => void): () => void {
  const lockFile = path.join(dir, "..", `${path.basename(dir)}.lock`);
  if (existsSync(lockFile)) {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new EmbeddedDbError(
        `The embedded database in ${dir} is in use by process ${pid}. Stop that app first, or set DATABASE_URL to use another PostgreSQL.`,
      );
    }
    log(`Removing a stale lock on ${dir} left by process ${pid}, which is no longer running.`);
    // PGlite's own postmaster.pid from the dead process would block the start.
    rmSync(path.join(dir, "postmaster.pid"), { force: true });
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedDbError(
          error.code === "EADDRINUSE"
            ? `Port ${port} is busy, so the embedded database cannot listen on it. Stop whatever uses it, or set EMBEDDED_DB_PORT to a free port.`
            : `Cannot listen on port ${port} for the embedded database: ${error.message}`,
        ),
      );
    });
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/**
 * Starts PGlite on `dir` (null: in memory) and serves it on 127.0.0.1:`port`
 * (0: any free port). Resolves once the port accepts connections.
 */
export async function startEmbeddedDb(options: {
  dir: string | null;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDb> {
  const log = options.log ?? ((line: string) => console.error(line));
  let releaseLock = () => {};
  if (options.dir) {
    mkdirSync(path.dirname(options.dir), { recursive: true });
    releaseLock = acquireLock(options.dir, log);
  }
  try {
    await assertPortFree(options.port);
    const pg = await PGlite.create(options.dir ?? undefined);
    const server = new PGLiteSocketServer({
      db: pg,
      port: options.port,
      host: "127.0.0.1",
      maxConnections: 100,
    });
    await server.start();
    const port = Number(server.getServerConn().split(":").at(-1));
    let stopped = false;
    return {
      port,
      url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await pg.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
