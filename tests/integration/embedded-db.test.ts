import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDb, startEmbeddedDb } from "@/scripts/embedded-db";

// The embedded database serves many connections from one Postgres session. These
// tests hammer it the way a busy app does: many pooled connections at once, with the
// extended protocol (parameterised queries) and transactions interleaving.
describe("embedded PostgreSQL under concurrency", () => {
  let embedded: EmbeddedDb;
  let pool: pg.Pool;

  beforeAll(async () => {
    embedded = await startEmbeddedDb({ dir: null, port: 0, log: () => {} });
    pool = new pg.Pool({ connectionString: embedded.url, max: 20 });
    await pool.query("CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)");
    await pool.query("INSERT INTO counters VALUES (1, 0)");
  });

  afterAll(async () => {
    await pool.end();
    await embedded.stop();
  });

  it("keeps parameterised queries of different shapes apart", async () => {
    const queries = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0
        ? pool
            .query<{ v: number }>("SELECT $1::int + $2::int AS v", [i, 1])
            .then((r) => r.rows[0]!.v === i + 1)
        : i % 3 === 1
          ? pool.query<{ v: string }>("SELECT $1::text AS v", [`x${i}`]).then((r) => r.rows[0]!.v === `x${i}`)
          : pool
              .query<{ v: string }>("SELECT $1::timestamptz::text AS v, $2::int, $3::text", [
                new Date(0),
                i,
                "z",
              ])
              .then((r) => r.rows[0]!.v.startsWith("1970")),
    );
    const results = await Promise.all(queries);
    expect(results.every(Boolean)).toBe(true);
  });

  it("keeps large parameterised queries apart when they arrive in several packets", async () => {
    const big = "y".repeat(200_000);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2
          ? pool
              .query<{ v: number }>("SELECT length($1::text) AS v", [big + i])
              .then((r) => r.rows[0]!.v === big.length + String(i).length)
          : pool
              .query<{ v: string }>("SELECT $1::text || $2::text AS v", ["a", String(i)])
              .then((r) => r.rows[0]!.v === `a${i}`),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
  });

  it("isolates concurrent transactions", async () => {
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ n: number }>(
            "SELECT n FROM counters WHERE id = $1 FOR UPDATE",
            [1],
          );
          await client.query("UPDATE counters SET n = $1 WHERE id = $2", [rows[0]!.n + 1, 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query<{ n: number }>("SELECT n FROM counters WHERE id = 1");
    expect(rows[0]!.n).toBe(50);
  });
});
