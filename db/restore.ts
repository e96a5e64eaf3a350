import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_FOLDER } from "./client";

export class RestoreError extends Error {}

/** How many of the committed migrations a database file has applied (drizzle's own table). */
function appliedMigrations(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new RestoreError(`${file} is damaged (SQLite integrity check: ${String(check)}). Choose another backup.`);
    const table = db.prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!table) throw new RestoreError(`${file} is not a MARAC Desk database (it has no migration history).`);
    return (db.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n;
  } catch (e) {
    if (e instanceof RestoreError) throw e;
    throw new RestoreError(`${file} is not a readable SQLite database (${(e as Error).message}).`);
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `source`, after checking the backup is a
 * sound MARAC Desk database no newer than this code. The copy goes through SQLite's backup API to
 * a file beside the target and is renamed into place, so a failure leaves the old database as it
 * was. The server must be stopped first: a running server keeps the old file open.
 */
export async function restoreDatabase(source: string, target: string): Promise<{ migrations: number }> {
  if (resolve(source) === resolve(target)) throw new RestoreError("The backup and the database are the same file.");
  const migrations = appliedMigrations(source);
  const known = readdirSync(resolve(MIGRATIONS_FOLDER)).filter((n) => n.endsWith(".sql")).length;
  if (migrations > known) throw new RestoreError(`${source} was written by a newer version of MARAC Desk (${migrations} migrations; this version knows ${known}). Restore it with that version.`);
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await src.backup(staging);
  } finally {
    src.close();
  }
  appliedMigrations(staging);
  // The old file's write-ahead log belongs to the old file; left beside the new one, SQLite would replay it.
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  if (!existsSync(target)) throw new RestoreError(`The restored database did not appear at ${target}.`);
  return { migrations };
}
