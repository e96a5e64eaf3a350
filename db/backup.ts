import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Db } from "./client";

/**
 * A consistent copy of the live database through SQLite's online backup API (safe while the app
 * runs). Encrypted values stay encrypted in the copy; keep DATA_KEY apart from backups.
 */
export async function backupDatabase(db: Db, destination: string): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  await db.$client.backup(destination);
}
