import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { cachePreparedStatements } from "./statement-cache";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Scripts and tests run from the repository root; the running app never migrates. */
export const MIGRATIONS_FOLDER = "db/migrations";

/**
 * Opens (creating if needed) the SQLite file with WAL journalling and foreign keys on.
 * No `server-only` here: scripts and tests use this factory under plain Node.
 */
export function createDb(file: string): Db {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  cachePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  // Every transaction takes the write lock as it begins (BEGIN IMMEDIATE), waiting up to the busy
  // timeout for it. The PDF and import workers write through connections of their own, and in WAL
  // mode a deferred transaction that has read fails with SQLITE_BUSY when it comes to write if
  // another connection committed in between (decision 076).
  const transaction = db.transaction.bind(db);
  db.transaction = (run, config) => transaction(run, { behavior: "immediate", ...config });
  return db;
}

/** Applies the committed migrations (drizzle-kit output); idempotent. */
export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder: resolve(MIGRATIONS_FOLDER) });
}
