import pg from "pg";

// prisma/prisma#27403: @prisma/adapter-pg 6.19 cannot decode the catalog types
// `name` (oid 19) and `"char"` (oid 18) that the schema engine reads while
// introspecting, so `migrate deploy` fails with "Column type 'name' could not be
// deserialized". Reporting them (and their arrays) as text makes every migrate
// command work. Only the migration adapter in prisma.config.ts needs this.
const TEXT = 25;
const TEXT_ARRAY = 1009;
const REMAP: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

type Field = { dataTypeID: number };
type ResultLike = { fields?: Field[] };

function remapFields(result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as ResultLike[]) {
    for (const field of r?.fields ?? []) {
      const mapped = REMAP[field.dataTypeID];
      if (mapped !== undefined) field.dataTypeID = mapped;
    }
  }
}

class CatalogTypeCompatClient extends pg.Client {
  // pg's `query` has many overloads (promise and callback forms); wrap both.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => {
        if (!err) remapFields(res);
        callback(err, res);
      };
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<unknown>).then((res) => {
        remapFields(res);
        return res;
      }) as never;
    }
    return result as never;
  }
}

/** A pg.Pool for Prisma's migration adapter, with the catalog type workaround. */
export function createMigrationPool(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: CatalogTypeCompatClient, max: 2 });
}
