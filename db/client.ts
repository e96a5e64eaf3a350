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
  return drizzle(sqlite, { schema });
}

/** Applies the committed migrations (drizzle-kit output); idempotent. */
export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder: resolve(MIGRATIONS_FOLDER) });
}
