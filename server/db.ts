import "server-only";
import { env } from "~/env";
import { createDb, type Db } from "~/db/client";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { markInterruptedImports } from "~/server/services/import-jobs";
import { warmReviewQueue } from "~/server/services/review";

// One connection per server process; kept on globalThis so dev hot reloads do not open more.
const globalForDb = globalThis as unknown as { maracDb?: Db };

export function getDb(): Db {
  if (!globalForDb.maracDb) {
    globalForDb.maracDb = createDb(env.DATABASE_URL);
    // This process has just started: an import left running belonged to one that has gone.
    markInterruptedImports(globalForDb.maracDb, new Date());
    // Counted in the background, so the first case holder's page does not open every case at once.
    const db = globalForDb.maracDb;
    setImmediate(() => {
      warmReviewQueue(db, getAppCipher()).catch((e: unknown) => console.error(`The review queue was not counted ahead: ${e instanceof Error ? e.name : "error"}`));
    });
  }
  return globalForDb.maracDb;
}
