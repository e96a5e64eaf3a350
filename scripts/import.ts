import { readFileSync } from "node:fs";
import { ensureDemoSecrets } from "./lib/demo-secrets";
import { databaseUrl, openMigrated } from "./lib/database";
import { importProgress } from "./lib/import-progress";

// `npm run import -- FILE.json`: imports referrals (docs/import-format.md). Nothing is written
// unless every record is valid; every problem is listed with its JSON path. Shows a progress bar
// while saving (plain lines when not on a terminal).
const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run import -- FILE.json   (format: docs/import-format.md)");
  process.exit(2);
}
let document: unknown;
try {
  document = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  console.error(`Cannot read ${file} as JSON: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
ensureDemoSecrets();
const db = openMigrated();
process.stderr.write(`Checking every referral in ${file} before any is saved...\n`);
const progress = importProgress();
// Prepared on every core (decision 081), sealed with the app's key: loaded once the secrets are
// in the environment, since it reads the validated configuration.
const { importPool, importReferralsInPool } = await import("../server/services/case-import-pool");
const result = await importReferralsInPool(db, null, document, new Date(), importPool(false), { onProgress: progress.update });
progress.stop();
db.$client.close();
if (!result.ok) {
  console.error(`Nothing was imported: ${result.issues.length} problem(s) in ${file}.`);
  for (const issue of result.issues) console.error(`  ${issue.path}: ${issue.message}`);
  process.exit(1);
}
console.log(`Imported ${result.caseNumbers.length} referral(s) into ${databaseUrl()}:`);
for (const n of result.caseNumbers) console.log(`  ${n}`);
