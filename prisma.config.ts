import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { createMigrationPool } from "./lib/db/pg-type-compat";

// The Prisma CLI does not read .env when this file exists: load it here.
try {
  process.loadEnvFile?.(".env");
} catch {
  // No .env: the embedded database launcher or the caller sets DATABASE_URL.
}

// Migrations run on the WebAssembly schema engine through the same driver adapter as
// the app, so no native engine is ever downloaded (see README, "Prisma offline").
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    // Commands such as `migrate diff --from-schema-datamodel` need no database; the
    // pool only connects on first query, and a missing URL then names itself.
    const url = process.env.DATABASE_URL ?? "postgresql://DATABASE_URL-is-not-set.invalid/db";
    return new PrismaPg(createMigrationPool(url));
  },
});
