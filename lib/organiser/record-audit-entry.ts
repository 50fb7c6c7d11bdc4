import "server-only";
import { db, Prisma } from "@/lib/db";

export type AuditEntryInput = {
  userId: string;
  action: string;
  target: string | null;
  /** "ok" or the action's error code. */
  result: string;
  /** Counts the action returned; never addresses. */
  detail: Record<string, unknown> | null;
};

/** Writes one line of the organiser audit log. */
export async function recordAuditEntry(entry: AuditEntryInput): Promise<void> {
  await db.organiserAuditEntry.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      target: entry.target?.slice(0, 200) ?? null,
      result: entry.result.slice(0, 64),
      detail: entry.detail ? (entry.detail as Prisma.InputJsonObject) : Prisma.DbNull,
    },
    select: { id: true },
  });
}
