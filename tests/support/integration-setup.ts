import { afterAll } from "vitest";

if (!process.env.DATABASE_URL) {
  throw new Error(
    "Integration tests need a database: run them with `npm test` (or `npm test -- --only=integration`).",
  );
}

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
