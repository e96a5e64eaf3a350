import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Db } from "./client";

/**
 * A consistent copy of the live database through SQLite's online backup API (safe while the app
 * runs). Encrypted values stay encrypted in the copy; keep DATA_KEY apart from backups.
 */
export async function backupDatabase(db: Db, destination: string): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  await db.$client.backup(destination);
}

/** Backups are kept this many days by default: a deleted case leaves the last backup within it (docs/reports.md). */
export const BACKUP_KEEP_DAYS = 35;

/**
 * Deletes the backups `npm run db:backup` wrote (marac-*.db) in `dir` that are older than
 * `keepDays`, by modification time. Other files are left alone. Returns the names deleted.
 */
export function pruneBackups(dir: string, keepDays: number, now: Date): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const cutoff = now.getTime() - keepDays * 24 * 60 * 60 * 1000;
  const old = names.filter((n) => /^marac-.*\.db$/.test(n) && statSync(join(dir, n)).mtimeMs < cutoff);
  for (const n of old) rmSync(join(dir, n));
  return old;
}
