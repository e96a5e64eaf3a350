import "server-only";
import { env } from "~/env";
import { createDb, type Db } from "~/db/client";

// One connection per server process; kept on globalThis so dev hot reloads do not open more.
const globalForDb = globalThis as unknown as { maracDb?: Db };

export function getDb(): Db {
  globalForDb.maracDb ??= createDb(env.DATABASE_URL);
  return globalForDb.maracDb;
}
