import { db } from "./index";

export type DatabaseHealth = { ok: true; migrations: number } | { ok: false; error: string };

/** Whether the database answers and how many migrations it has applied. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  try {
    const rows = await db.$queryRaw<{ applied: bigint }[]>`
      SELECT count(*) AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    return { ok: true, migrations: Number(rows[0]?.applied ?? 0) };
  } catch {
    return { ok: false, error: "database unavailable" };
  }
}
