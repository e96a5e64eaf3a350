import { rmSync } from "node:fs";
import { ensureDemoSecrets } from "./lib/demo-secrets";
import { databaseUrl, openMigrated, seedIfEmpty } from "./lib/database";

// Rebuilds the demo database from nothing: the file and its WAL and shared-memory companions.
const file = databaseUrl();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
ensureDemoSecrets();
const db = openMigrated(file);
await seedIfEmpty(db);
db.$client.close();
console.log(`Rebuilt ${file} with the Northshire MARAC demo area.`);
