import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

// One Prisma client per process (a globalThis singleton survives dev hot reloads).
// Queries go through the pg driver adapter: no native query engine anywhere.

function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: start the app with `npm start` or `npm run dev`, which start the embedded database, or set DATABASE_URL",
    );
  }
  return url;
}

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForDb.prisma ??= createClient();
  return globalForDb.prisma;
}

// Created on first use, so that importing this module (as `next build` does while
// collecting routes) needs no database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export type { PrismaClient } from "./generated/client";
export { Prisma } from "./generated/client";
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
