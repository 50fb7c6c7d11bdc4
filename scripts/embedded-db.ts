// The embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) served on a
// local TCP port, so the app, Prisma's CLI and psql talk to it exactly as they talk
// to a real server. Runs inside the launcher's process and stops with it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

export type EmbeddedDb = { url: string; port: number; stop: () => Promise<void> };

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (size: number) => void;
  reject: (error: Error) => void;
  onData: (data: Uint8Array) => void;
};
type QueueInternals = {
  queue: QueuedMessage[];
  processing: boolean;
  db: PGlite;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
};

// Extended-protocol messages that leave an exchange open until the client's Sync:
// Parse, Bind, Describe, Execute, Close, Flush, and CopyData.
const OPENS_EXCHANGE = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48, 0x64]);

/**
 * pglite-socket multiplexes every connection onto PGlite's single session, one
 * protocol message at a time. Outside a transaction it lets another connection's
 * Parse land between this connection's Parse and Bind, which replaces the unnamed
 * statement ("bind message supplies 1 parameters, but prepared statement requires
 * 2"), and after a failed message it never resumes its queue. This keeps one
 * connection's extended-protocol exchange together until its Sync (as it already
 * does for transactions) and keeps the queue running after errors.
 * tests/integration/embedded-db.test.ts reproduces both failures without it.
 */
type HandlerInternals = { handleData: (data: Buffer) => Promise<number>; dataChain?: Promise<unknown> };

// Each 'data' event of a socket runs handleData in its own setImmediate, so two
// chunks of one connection are parsed concurrently from one buffer and their
// messages can reach the queue out of order. Chain them per connection.
const handlerPrototype = PGLiteSocketHandler.prototype as unknown as HandlerInternals;
const originalHandleData = handlerPrototype.handleData;
handlerPrototype.handleData = function (this: HandlerInternals, data: Buffer) {
  const run = () => originalHandleData.call(this, data);
  const next = (this.dataChain ?? Promise.resolve()).then(run, run);
  this.dataChain = next.catch(() => undefined);
  return next;
};

function serializeExchanges(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueueInternals }).queryQueue;
  let exchangeOpen = false;

  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        let next: QueuedMessage | undefined;
        if ((queue.db.isInTransaction() || exchangeOpen) && queue.lastHandlerId !== null) {
          const index = queue.queue.findIndex((m) => m.handlerId === queue.lastHandlerId);
          if (index === -1) break; // wait for that connection's next message
          next = queue.queue.splice(index, 1)[0];
        } else {
          next = queue.queue.shift();
        }
        if (!next) break;
        const message = next;
        let size = 0;
        try {
          await queue.db.runExclusive(() =>
            queue.db.execProtocolRawStream(message.message, {
              onRawData: (data) => {
                size += data.length;
                message.onData(data);
              },
            }),
          );
        } catch (error) {
          queue.lastHandlerId = message.handlerId;
          exchangeOpen = false;
          message.reject(error as Error);
          continue;
        }
        exchangeOpen = OPENS_EXCHANGE.has(message.message[0] ?? 0);
        queue.lastHandlerId = message.handlerId;
        message.resolve(size);
      }
    } finally {
      queue.processing = false;
    }
  };

  const clearQueue = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clearQueue(handlerId);
    if (queue.lastHandlerId === handlerId && !queue.db.isInTransaction()) {
      // A connection that went away mid-exchange must not hold the others.
      exchangeOpen = false;
      queue.lastHandlerId = null;
      void queue.processQueue();
    }
  };
}

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

const lockFileOf = (dir: string) => path.join(dir, "..", `${path.basename(dir)}.lock`);

/** The lock's owner and, once it listens, its port ("<pid>\n<port>"). */
function readLock(dir: string): { pid: number; port?: number } | undefined {
  const lockFile = lockFileOf(dir);
  if (!existsSync(lockFile)) return undefined;
  const [pid, port] = readFileSync(lockFile, "utf8")
    .split("\n")
    .map((line) => Number.parseInt(line, 10));
  if (!Number.isInteger(pid)) return undefined;
  return { pid: pid!, port: Number.isInteger(port) ? port : undefined };
}

/** Takes the data directory's lock; a lock left by a dead process is reclaimed. */
function acquireLock(dir: string, log: (line: string) => void): () => void {
  const lockFile = lockFileOf(dir);
  const lock = readLock(dir);
  if (lock && lock.pid !== process.pid && isAlive(lock.pid)) {
    throw new EmbeddedDbError(
      `The embedded database in ${dir} is in use by process ${lock.pid}. Stop that app first, or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
  if (existsSync(lockFile)) {
    log(`Removing a stale lock on ${dir} left by process ${lock?.pid ?? "?"}, which is no longer running.`);
    // PGlite's own postmaster.pid from the dead process would block the start.
    rmSync(path.join(dir, "postmaster.pid"), { force: true });
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

const urlFor = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

/** "yes" when 127.0.0.1:`port` speaks PostgreSQL, "closed" when nothing listens, else "other". */
async function probePostgres(port: number): Promise<"yes" | "closed" | "other"> {
  const client = new pg.Client({ connectionString: urlFor(port), connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "yes";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ECONNREFUSED" ? "closed" : "other";
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The embedded database another live process (`npm start`, `npm run dev`, another
 * command) serves on `dir`, so that a command can use it instead of refusing to start
 * its own. Waits while its owner is still booting (lock taken, port not open yet).
 * Undefined when no live process holds the lock.
 */
export async function findRunningEmbeddedDb(options: {
  dir: string;
  port: number;
  timeoutMs?: number;
}): Promise<{ pid: number; port: number; url: string } | undefined> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const lock = readLock(options.dir);
    if (!lock || lock.pid === process.pid || !isAlive(lock.pid)) return undefined;
    const port = lock.port ?? options.port;
    const answer = await probePostgres(port);
    if (answer === "yes") return { pid: lock.pid, port, url: urlFor(port) };
    if (answer === "other" || Date.now() > deadline) {
      throw new EmbeddedDbError(
        `The embedded database in ${options.dir} is in use by process ${lock.pid}, but nothing answers as PostgreSQL on 127.0.0.1:${port}. Stop that process, or set EMBEDDED_DB_PORT to the port it serves.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
    serializeExchanges(server);
    await server.start();
    const port = Number(server.getServerConn().split(":").at(-1));
    // Commands started beside the app find the port here (findRunningEmbeddedDb).
    if (options.dir) writeFileSync(lockFileOf(options.dir), `${process.pid}\n${port}\n`);
    let stopped = false;
    return {
      port,
      url: urlFor(port),
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
