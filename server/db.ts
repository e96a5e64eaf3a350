import "server-only";
import { env } from "~/env";
import { createDb, type Db } from "~/db/client";
import { markInterruptedImports } from "~/server/services/import-jobs";

// One connection per server process; kept on globalThis so dev hot reloads do not open more.
const globalForDb = globalThis as unknown as { maracDb?: Db };

export function getDb(): Db {
  if (!globalForDb.maracDb) {
    globalForDb.maracDb = createDb(env.DATABASE_URL);
    // This process has just started: an import left running belonged to one that has gone.
    markInterruptedImports(globalForDb.maracDb, new Date());
  }
  return globalForDb.maracDb;
}
