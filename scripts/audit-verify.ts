import { createDb } from "../db/client";
import { verifyAuditChain } from "../server/audit/chain";
import { databaseUrl } from "./lib/database";

// `npm run audit:verify [-- FILE]`: checks the audit log's hash chain (of DATABASE_URL by default);
// exits non-zero at the first broken entry.
const db = createDb(process.argv[2] ?? databaseUrl());
const report = verifyAuditChain(db);
db.$client.close();
if (report.ok) {
  const before = report.unchained > 0 ? ` (${report.unchained} earlier entries predate the chain)` : "";
  console.log(`OK: ${report.entries} audit entries verified${before}. Head hash: ${report.head}`);
  console.log("Keep the head hash somewhere the database's owner cannot write: a rewritten chain will no longer end in it.");
} else {
  console.error(`BROKEN: audit entry ${report.id} ${report.problem}.`);
  process.exitCode = 1;
}
