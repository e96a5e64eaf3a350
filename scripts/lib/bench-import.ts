import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createDb, migrateDb, type Db } from "../../db/client";
import { makeAgency } from "../../db/factories";
import { intakeReferral } from "../../server/cases/intake";
import { ZReferralImportFile } from "../../server/cases/import-schema";
import { createFieldCipher, type FieldCipher } from "../../server/crypto/field-cipher";
import { buildCase } from "../../server/domain/testing/build-case";
import { randomSource } from "../../server/domain/testing/sources";
import { getSettings } from "../../server/services/settings";
import { ensureDemoSecrets } from "./demo-secrets";

const AGENCY = "Bench Police";

/** An import document of `count` generated referrals (every field filled at random). */
function importDocument(count: number) {
  const referrals = Array.from({ length: count }, (_, i) => {
    const { caseId: _id, caseNumber: _n, ...rest } = buildCase(randomSource(i + 1)).record;
    return { ...rest, referring: { ...rest.referring, agencyName: AGENCY, agencyId: undefined }, status: "referred" as const };
  });
  return { format: "marac-desk.referrals", version: 1, referrals };
}

/** The import before issue #14 §4, kept as the baseline: each referral through intakeReferral, with queries built per row. */
function importPerRecord(db: Db, cipher: FieldCipher, document: unknown, now: Date): number {
  const parsed = ZReferralImportFile.parse(document);
  const agencyId = db.$client.prepare("SELECT id FROM agencies").pluck().get() as string;
  const settings = getSettings(db);
  return db.transaction((tx) => {
    for (const r of parsed.referrals) intakeReferral(tx, cipher, r, { referringAgencyId: agencyId, createdByUserId: null, now, settings, criteriaFromSource: true });
    return parsed.referrals.length;
  });
}

/** `lockMs`: how long the write transaction held SQLite's write lock (the whole import, for the baseline). */
export type ImportTiming = { cases: number; ms: number; cpuMs: number; lockMs: number };

/** Imports `count` generated referrals into a fresh migrated database, timing wall clock and this process's CPU. */
async function timed(count: number, run: (db: Db, cipher: FieldCipher, document: unknown) => Promise<{ cases: number; lockMs: number }>): Promise<ImportTiming> {
  const dir = mkdtempSync(join(tmpdir(), "marac-bench-"));
  const db = createDb(join(dir, "bench.db"));
  try {
    migrateDb(db);
    db.run(sql`INSERT INTO marac_settings (id, name, case_number_prefix, updated_at) VALUES (1, 'Bench', 'BN', 0)`);
    makeAgency(db, { name: AGENCY, type: "police" });
    const document = importDocument(count);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { cases, lockMs } = await run(db, createFieldCipher(Buffer.alloc(32, 9)), document);
    const ms = performance.now() - started;
    // Every thread of this process: the import's own and its preparing pool's.
    const used = process.cpuUsage(cpu);
    if (cases !== count) throw new Error(`imported ${cases} of ${count}`);
    return { cases, ms, cpuMs: (used.user + used.system) / 1000, lockMs };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- import`: `count` generated referrals through the import as the server and
 * `npm run import` run it (checked and planned, prepared on a pool of every core, written in one
 * transaction, timed on its own), and the per-record path it replaced on `baselineCount`.
 */
export async function benchImport(count: number, baselineCount: number): Promise<{ current: ImportTiming; baseline: ImportTiming }> {
  // The preparing threads seal with the app's key (DATA_KEY), as the server's do.
  ensureDemoSecrets();
  const { planImport, writeImport } = await import("../../server/services/case-import");
  const { importPool, prepareInPool } = await import("../../server/services/case-import-pool");
  const { getAppCipher } = await import("../../server/crypto/app-cipher");
  const now = new Date();
  process.stderr.write(`  importing ${count.toLocaleString("en-GB")} referrals...\n`);
  const current = await timed(count, async (db, _cipher, document) => {
    const planned = planImport(db, null, document, now);
    if (!planned.ok) throw new Error(`the generated file was refused: ${JSON.stringify(planned.issues.slice(0, 3))}`);
    const prepared = await prepareInPool(planned.plan, importPool(false));
    const writing = performance.now();
    const result = writeImport(db, getAppCipher(), planned.plan, prepared);
    const lockMs = performance.now() - writing;
    if (!result.ok) throw new Error("the import was refused");
    return { cases: result.caseNumbers.length, lockMs };
  });
  process.stderr.write(`  baseline: ${baselineCount.toLocaleString("en-GB")} referrals one by one...\n`);
  const baseline = await timed(baselineCount, (db, cipher, document) => {
    const writing = performance.now();
    const cases = importPerRecord(db, cipher, document, now);
    return Promise.resolve({ cases, lockMs: performance.now() - writing });
  });
  return { current, baseline };
}
