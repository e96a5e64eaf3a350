import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { verifyAuditChain } from "../server/audit/chain";
import { verifySealedValues } from "../server/cases/verify-sealed";
import { backupDatabase } from "../db/backup";
import { RestoreError, restoreDatabase } from "../db/restore";
import { createDb } from "../db/client";
import { databaseUrl, openMigrated, scriptCipher, sealLegacy } from "./lib/database";
import { DEFAULT_BACKUP_DIR, ensureDemoSecrets } from "./lib/demo-secrets";

// `npm run db:restore -- FILE`: replaces the database (DATABASE_URL, default data/marac.db) with a
// backup. Stop the server first. The database being replaced is itself backed up first, then the
// restored copy is migrated to this version and checked: integrity, the audit chain, and that
// every sealed value opens with the key in use (DATA_KEY).
const { positionals } = parseArgs({ allowPositionals: true });
const source = positionals[0];
if (!source) {
  console.error("Usage: npm run db:restore -- FILE   (a backup written by npm run db:backup)");
  process.exit(2);
}
ensureDemoSecrets();
const target = databaseUrl();
try {
  if (existsSync(target)) {
    const before = `${DEFAULT_BACKUP_DIR}/marac-before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}.db`;
    const current = createDb(target);
    await backupDatabase(current, before);
    current.$client.close();
    console.log(`Kept the database being replaced as ${before}.`);
  }
  const { migrations } = await restoreDatabase(source, target);
  const db = openMigrated(target);
  sealLegacy(db);
  const chain = verifyAuditChain(db);
  const sealed = verifySealedValues(db, scriptCipher());
  db.$client.close();
  console.log(`Restored ${source} (${migrations} migrations) to ${target}; ${sealed.cases} cases, ${sealed.values} sealed values checked.`);
  if (!chain.ok) {
    console.error(`The audit log's chain is broken at entry ${chain.id} (${chain.problem}).`);
    process.exitCode = 1;
  }
  if (sealed.failures.length > 0) {
    console.error(`${sealed.failures.length} sealed values did not open with this DATA_KEY; first: ${sealed.failures.slice(0, 5).join(", ")}. Was the backup taken under another key?`);
    process.exitCode = 1;
  }
} catch (e) {
  if (!(e instanceof RestoreError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
