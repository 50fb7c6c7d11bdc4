import "server-only";
import { db } from "@/lib/db";

export type AuditEntry = {
  id: string;
  /** The organiser's address: the console is for organisers, who see each other's actions. */
  organiser: string;
  action: string;
  target: string | null;
  result: string;
  detail: unknown;
  createdAt: Date;
};

/** The latest entries of the organiser audit log, newest first. */
export async function listAuditEntries(limit = 100): Promise<AuditEntry[]> {
  const rows = await db.organiserAuditEntry.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      action: true,
      target: true,
      result: true,
      detail: true,
      createdAt: true,
      user: { select: { email: true } },
    },
  });
  return rows.map(({ user, ...row }) => ({ ...row, organiser: user.email }));
}
