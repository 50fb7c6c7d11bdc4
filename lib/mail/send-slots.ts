import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { mailLog } from "./log";
import type { SlotStore } from "./rate-limiter";

// The rate limiter's slots (./rate-limiter.ts) in the table mail_send_slots, shared by
// every process that sends through the same database: app instances, cron calls,
// `npm run reminders`. Resend's limit is per account, so a limit per process would let
// five processes send five times too fast. A slot row is taken with FOR UPDATE SKIP
// LOCKED once its free_at has passed; while its request is in flight it has a holder
// and free_at is the end of a lease (renewed while the request runs), and after the
// answer free_at is a window later. Every time is the database's clock, so the
// processes' clocks need not agree; a process that dies mid-request holds its slot
// back only until its lease runs out (LEASE_MS).

const nonNegative = (value: number) => Math.max(0, value);

export function postgresSlotStore(): SlotStore {
  /** Slot rows this process has made sure exist (they are created on first use). */
  let ensured = 0;
  return {
    async take(limit, leaseMs, windowMs) {
      if (limit > ensured) {
        await db.$executeRaw`
          INSERT INTO mail_send_slots (slot) SELECT generate_series(0, ${limit - 1}::int)
          ON CONFLICT (slot) DO NOTHING`;
        ensured = limit;
      }
      const token = randomUUID();
      const rows = await db.$queryRaw<{ slot: number | null; wait_ms: number | null }[]>`
        WITH pick AS (
          SELECT slot FROM mail_send_slots
          WHERE slot < ${limit}::int AND free_at <= clock_timestamp() AND paused_until <= clock_timestamp()
          ORDER BY free_at, slot
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        ), taken AS (
          UPDATE mail_send_slots s SET
            holder = ${token},
            free_at = clock_timestamp() + ${nonNegative(leaseMs)}::float8 * interval '1 millisecond'
          FROM pick WHERE s.slot = pick.slot
          RETURNING s.slot
        )
        SELECT (SELECT slot FROM taken) AS slot,
          (SELECT ceil(1000 * extract(epoch FROM GREATEST(
              min(CASE WHEN holder IS NULL THEN free_at
                ELSE LEAST(free_at, clock_timestamp() + ${nonNegative(windowMs)}::float8 * interval '1 millisecond') END),
              max(paused_until)) - clock_timestamp()))::float8
            FROM mail_send_slots WHERE slot < ${limit}::int) AS wait_ms`;
      const row = rows[0];
      if (row?.slot !== null && row?.slot !== undefined) return { slot: row.slot, token };
      return { waitMs: row?.wait_ms ?? windowMs };
    },

    async renew({ slot, token }, leaseMs) {
      try {
        await db.$executeRaw`
          UPDATE mail_send_slots SET
            free_at = clock_timestamp() + ${nonNegative(leaseMs)}::float8 * interval '1 millisecond'
          WHERE slot = ${slot}::int AND holder = ${token}`;
      } catch (error) {
        // The next renewal may get through; if none does, the lease runs out as if we had died.
        mailLog.warn({ err: error, slot }, "send slot lease not renewed");
      }
    },

    async release({ slot, token }, windowMs) {
      try {
        await db.$executeRaw`
          UPDATE mail_send_slots SET
            holder = NULL,
            free_at = clock_timestamp() + ${nonNegative(windowMs)}::float8 * interval '1 millisecond'
          WHERE slot = ${slot}::int AND holder = ${token}`;
      } catch (error) {
        // The request is done either way: its slot comes back when its lease runs out.
        mailLog.warn({ err: error, slot }, "send slot not released");
      }
    },

    async pause(pauseMs) {
      await db.$executeRaw`
        UPDATE mail_send_slots SET
          paused_until = GREATEST(paused_until, clock_timestamp() + ${nonNegative(pauseMs)}::float8 * interval '1 millisecond')`;
    },
  };
}
