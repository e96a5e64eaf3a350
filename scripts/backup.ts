import { backupDatabase } from "../db/backup";
import { createDb } from "../db/client";
import { databaseUrl } from "./lib/database";

// `npm run db:backup [-- FILE]`: an online backup of the database, by default under data/backups/.
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = process.argv[2] ?? `data/backups/marac-${stamp}.db`;
const db = createDb(databaseUrl());
await backupDatabase(db, destination);
db.$client.close();
console.log(`Backed up ${databaseUrl()} to ${destination}. Values tagged immigration, safe contact, health or sexuality, and all free text, stay encrypted; keep DATA_KEY separately.`);
