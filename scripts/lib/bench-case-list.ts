import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createDb, migrateDb } from "../../db/client";
import { makeAgency } from "../../db/factories";
import { writeCaseRows } from "../../server/cases/case-store";
import { createFieldCipher } from "../../server/crypto/field-cipher";
import { buildCase } from "../../server/domain/testing/build-case";
import { randomSource } from "../../server/domain/testing/sources";
import { CASES_PAGE_SIZE, listCases } from "../../server/services/cases";
import type { SessionUser } from "../../server/services/sessions";

const FIRST = ["Amina", "Olena", "Sarah", "Priya", "Joanne", "Maria", "Chloe", "Fatima", "Ewa", "Grace", "Zoe", "Hannah"];
const LAST = ["Khan", "Smith", "Kowalska", "Jones", "Begum", "Patel", "Williams", "Nowak", "Brown", "Ahmed", "Taylor", "Evans"];

/**
 * The case list at the size issue 4 names: 50,000 cases in a temporary SQLite file, written
 * through the real store (sealed values, name tokens), then the queries the /cases page runs,
 * timed against a naive full-scan name search as the baseline.
 */
export function benchCaseList(count: number, best: (label: string, round: () => void) => number) {
  const dir = mkdtempSync(join(tmpdir(), "marac-bench-"));
  const db = createDb(join(dir, "bench.db"));
  try {
    migrateDb(db);
    db.run(sql`INSERT INTO marac_settings (id, name, case_number_prefix, updated_at) VALUES (1, 'Bench', 'BN', 0)`);
    const police = makeAgency(db, { name: "Bench Police", type: "police" });
    const housing = makeAgency(db, { name: "Bench Housing", type: "housing" });
    const cipher = createFieldCipher(Buffer.alloc(32, 9));
    const started = performance.now();
    const now = new Date();
    for (let batch = 0; batch < count; batch += 1000) {
      db.transaction((tx) => {
        for (let i = batch; i < Math.min(batch + 1000, count); i++) {
          const base = buildCase(randomSource(i + 1)).record;
          const name = `${FIRST[i % FIRST.length] ?? "A"} ${LAST[Math.floor(i / FIRST.length) % LAST.length] ?? "B"}${i}`;
          const record = { ...base, caseId: `c${i}`, caseNumber: `BN-2026-${String(i).padStart(5, "0")}`, victim: { ...base.victim, name, dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}` } };
          writeCaseRows(tx, cipher, record, {
            status: i % 4 === 0 ? "referred" : "accepted",
            referringAgencyId: i % 3 === 0 ? housing.id : police.id,
            acceptedAt: i % 4 === 0 ? null : now,
            version: 1,
            createdAt: now,
            updatedAt: now,
            createdByUserId: null,
          });
        }
      });
    }
    process.stderr.write(`  wrote ${count.toLocaleString("en-GB")} cases in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

    const user = (role: SessionUser["role"], agencyId: string): SessionUser => ({ id: "u", name: "U", email: "u@x", role, agencyId, agencyName: "A", agencyType: "housing", agencyIsMember: true, sessionId: "s" });
    const chair = user("chair", police.id);
    const rep = user("agency_rep", housing.id);
    const q = (label: string, fn: () => unknown) => ({ label, ms: best(label, () => void fn()) });
    // Page 1,000 is reached by following "Next page" 999 times: its cursor is the last row of page 999.
    const cursor = db.get<{ referralDate: string; caseNumber: string }>(
      sql`SELECT referral_date AS referralDate, case_number AS caseNumber FROM cases ORDER BY referral_date DESC, case_number DESC LIMIT 1 OFFSET ${999 * CASES_PAGE_SIZE - 1}`,
    );
    const rows = [
      q("first page, chair", () => listCases(db, chair, {})),
      q("first page, housing representative (visibility filter)", () => listCases(db, rep, {})),
      q("page 1,000, chair (keyset)", () => listCases(db, chair, { after: cursor })),
      q("search by name, chair ('amina kha')", () => listCases(db, chair, { q: "amina kha" })),
      q("search by date of birth", () => listCases(db, chair, { q: "1975-08-15" })),
      q("search by case number", () => listCases(db, chair, { q: "BN-2026-04242" })),
      q("status filter, housing representative", () => listCases(db, rep, { status: "referred" })),
      q("baseline: page 1,000 by OFFSET (before keyset)", () =>
        db.all(sql`SELECT c.id FROM cases c JOIN case_victims v ON v.case_id = c.id ORDER BY c.referral_date DESC, c.case_number DESC LIMIT ${CASES_PAGE_SIZE} OFFSET ${999 * CASES_PAGE_SIZE}`),
      ),
    ];
    const naive = best("baseline: name search by full scan (LIKE '%...%')", () => {
      db.all(sql`SELECT c.id FROM cases c JOIN case_victims v ON v.case_id = c.id WHERE lower(v.name) LIKE '%amina%' AND lower(v.name) LIKE '%kha%' ORDER BY c.referral_date DESC LIMIT 25`);
    });
    return { rows, naive, nameSearch: rows[3]?.ms ?? Number.NaN };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
