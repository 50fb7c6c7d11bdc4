import pg from "pg";

// Direct reads of the test database, to prove what was (not) written.
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function countPledgesFor(email: string): Promise<number> {
  const rows = await query<{ n: string }>(
    "SELECT count(*) AS n FROM pledges p JOIN users u ON u.id = p.user_id WHERE u.email = $1",
    [email],
  );
  return Number(rows[0]?.n ?? 0);
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
