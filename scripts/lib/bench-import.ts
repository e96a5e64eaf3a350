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
import { importReferrals } from "../../server/services/case-import";
import { getSettings } from "../../server/services/settings";

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

export type ImportTiming = { cases: number; ms: number; cpuMs: number };

/** Imports `count` generated referrals into a fresh migrated database, timing wall clock and this process's CPU. */
function timed(count: number, run: (db: Db, cipher: FieldCipher, document: unknown) => number): ImportTiming {
  const dir = mkdtempSync(join(tmpdir(), "marac-bench-"));
  const db = createDb(join(dir, "bench.db"));
  try {
    migrateDb(db);
    db.run(sql`INSERT INTO marac_settings (id, name, case_number_prefix, updated_at) VALUES (1, 'Bench', 'BN', 0)`);
    makeAgency(db, { name: AGENCY, type: "police" });
    const document = importDocument(count);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const cases = run(db, createFieldCipher(Buffer.alloc(32, 9)), document);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (cases !== count) throw new Error(`imported ${cases} of ${count}`);
    return { cases, ms, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- import`: `count` generated referrals through the import (validation, intake,
 * every row written in one transaction), and the per-record path it replaced on `baselineCount`.
 */
export function benchImport(count: number, baselineCount: number): { current: ImportTiming; baseline: ImportTiming } {
  const now = new Date();
  process.stderr.write(`  importing ${count.toLocaleString("en-GB")} referrals...\n`);
  const current = timed(count, (db, cipher, document) => {
    const result = importReferrals(db, cipher, null, document, now);
    if (!result.ok) throw new Error(`the generated file was refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
    return result.caseNumbers.length;
  });
  process.stderr.write(`  baseline: ${baselineCount.toLocaleString("en-GB")} referrals one by one...\n`);
  const baseline = timed(baselineCount, (db, cipher, document) => importPerRecord(db, cipher, document, now));
  return { current, baseline };
}
