import { backupDatabase } from "../db/backup";
import { createDb } from "../db/client";
import { databaseUrl } from "./lib/database";
import { DEFAULT_BACKUP_DIR, overlaps, secretsDir } from "./lib/demo-secrets";

// `npm run db:backup [-- FILE]`: an online backup of the database, by default under data/backups/.
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = process.argv[2] ?? `${DEFAULT_BACKUP_DIR}/marac-${stamp}.db`;
if (overlaps(destination, secretsDir())) {
  console.error(`Refusing to back up into ${secretsDir()}: backups and the demo keys must be kept apart.`);
  process.exit(1);
}
const db = createDb(databaseUrl());
await backupDatabase(db, destination);
db.$client.close();
console.log(`Backed up ${databaseUrl()} to ${destination}. Values tagged immigration, safe contact, health or sexuality, and all free text, stay encrypted; keep DATA_KEY apart from the backups (the demo keeps it in ${secretsDir()}/).`);
