import { parseArgs } from "node:util";
import { BACKUP_KEEP_DAYS, backupDatabase, pruneBackups } from "../db/backup";
import { createDb } from "../db/client";
import { databaseUrl } from "./lib/database";
import { DEFAULT_BACKUP_DIR, overlaps, secretsDir } from "./lib/demo-secrets";

// `npm run db:backup [-- FILE] [--keep-days N]`: an online backup of the database, by default
// under data/backups/, then deletes backups there older than N days (default 35) so that deleted
// cases age out of backups on a known schedule.
const { values, positionals } = parseArgs({ allowPositionals: true, options: { "keep-days": { type: "string" } } });
const keepDays = Number(values["keep-days"] ?? BACKUP_KEEP_DAYS);
if (!Number.isInteger(keepDays) || keepDays < 1) throw new Error("--keep-days must be a whole number of days, 1 or more.");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = positionals[0] ?? `${DEFAULT_BACKUP_DIR}/marac-${stamp}.db`;
if (overlaps(destination, secretsDir())) {
  console.error(`Refusing to back up into ${secretsDir()}: backups and the demo keys must be kept apart.`);
  process.exit(1);
}
const db = createDb(databaseUrl());
await backupDatabase(db, destination);
db.$client.close();
console.log(`Backed up ${databaseUrl()} to ${destination}. Values tagged immigration, safe contact, health or sexuality, and all free text, stay encrypted; keep DATA_KEY apart from the backups (the demo keeps it in ${secretsDir()}/).`);
const pruned = pruneBackups(DEFAULT_BACKUP_DIR, keepDays, new Date());
if (pruned.length) console.log(`Deleted ${pruned.length} backup(s) older than ${keepDays} days from ${DEFAULT_BACKUP_DIR}.`);
