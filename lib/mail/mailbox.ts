import { db } from "@/lib/db";

// Local mode (no RESEND_API_KEY): drained mail is marked SENT with provider id
// "local" and keeps its bodies, so developers and people running `npm start`
// without Resend can read their sign-in links here.

export const LOCAL_PROVIDER_ID = "local";

export type LocalEmail = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

/** The latest emails delivered locally, newest first. */
export async function listLocalEmails({
  limit = 50,
  to,
}: {
  limit?: number;
  to?: string;
} = {}): Promise<LocalEmail[]> {
  return db.outboxEmail.findMany({
    where: {
      providerId: LOCAL_PROVIDER_ID,
      ...(to ? { to: { equals: to.trim(), mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, limit), 500),
    select: { id: true, kind: true, to: true, subject: true, text: true, sentAt: true, createdAt: true },
  });
}
