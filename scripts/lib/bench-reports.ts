import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { createDb, migrateDb, type Db } from "../../db/client";
import { makeAgency, makeUser } from "../../db/factories";
import { agendaItems, caseResearch, meetingActions, meetingInvitations, meetings } from "../../db/schema";
import { writeCaseRows } from "../../server/cases/case-store";
import { createFieldCipher } from "../../server/crypto/field-cipher";
import { buildCase } from "../../server/domain/testing/build-case";
import { randomSource } from "../../server/domain/testing/sources";
import { dashboards } from "../../server/services/dashboards";
import { quarterlyReturn } from "../../server/services/reports";
import type { SessionUser } from "../../server/services/sessions";

/** Makes the connection compile each distinct SQL text once and reuse it (better-sqlite3 statements are reusable). */
function reuseStatements(db: Db): void {
  const client = db.$client;
  const compile = client.prepare.bind(client);
  const compiled = new Map<string, ReturnType<typeof compile>>();
  client.prepare = ((source: string) => {
    let statement = compiled.get(source);
    if (!statement) {
      statement = compile(source);
      compiled.set(source, statement);
    }
    return statement;
  }) as typeof client.prepare;
}

/**
 * The quarterly return and the dashboards at 50,000 cases, all heard in one quarter (the worst
 * case: every case's sealed disability and LGBT+ answers are opened), written through the real
 * store into a temporary SQLite file, with 50 meetings, 5 invited agencies each, research and
 * actions.
 */
export async function benchReports(count: number, best: (label: string, round: () => void) => number) {
  const dir = mkdtempSync(join(tmpdir(), "marac-bench-reports-"));
  const file = join(dir, "bench.db");
  let db = createDb(file);
  try {
    migrateDb(db);
    db.run(sql`INSERT INTO marac_settings (id, name, case_number_prefix, adult_female_population, updated_at) VALUES (1, 'Bench', 'BN', 2000000, 0)`);
    const agencyList = (["police", "housing", "health", "childrens_social_care", "idva"] as const).map((type) => makeAgency(db, { name: `Bench ${type}`, type }));
    const [police = agencyList[0], housing = agencyList[1]] = agencyList;
    if (!police || !housing) throw new Error("no agencies");
    const chairRow = await makeUser(db, { agencyId: police.id, role: "chair", passwordHash: "x" });
    const cipher = createFieldCipher(Buffer.alloc(32, 7));
    const now = new Date("2026-04-15T12:00:00Z");
    const MEETINGS = 50;
    const perMeeting = Math.ceil(count / MEETINGS);
    for (let m = 0; m < MEETINGS; m++) {
      const date = `2026-0${1 + Math.floor(m / 17)}-${String(1 + (m % 17)).padStart(2, "0")}`;
      db.insert(meetings).values({ id: `m${m}`, date, time: "09:30", venue: "Room", online: false, chairUserId: chairRow.id, createdAt: now, updatedAt: now }).run();
      for (const a of agencyList) db.insert(meetingInvitations).values({ meetingId: `m${m}`, agencyId: a.id }).run();
    }
    const started = performance.now();
    // Writing only: SQLite compiles each distinct statement once (the store's SQL repeats for
    // every case). The timed reports run on a fresh connection below, which caches nothing.
    reuseStatements(db);
    for (let batch = 0; batch < count; batch += 1000) {
      const agenda: (typeof agendaItems.$inferInsert)[] = [];
      const research: (typeof caseResearch.$inferInsert)[] = [];
      const actions: (typeof meetingActions.$inferInsert)[] = [];
      db.transaction((tx) => {
        for (let i = batch; i < Math.min(batch + 1000, count); i++) {
          const base = buildCase(randomSource(i + 1)).record;
          const record = { ...base, caseId: `c${i}`, caseNumber: `BN-2026-${String(i).padStart(5, "0")}`, referring: { ...base.referring, referralDate: `2025-${String(1 + (i % 12)).padStart(2, "0")}-15` } };
          writeCaseRows(tx, cipher, record, { status: "accepted", referringAgencyId: i % 3 === 0 ? housing.id : police.id, acceptedAt: now, version: 1, createdAt: now, updatedAt: now, createdByUserId: null });
          const meetingId = `m${Math.floor(i / perMeeting)}`;
          agenda.push({ meetingId, caseId: record.caseId, position: i % perMeeting, addedAt: now });
          if (i % 2 === 0) research.push({ meetingId, caseId: record.caseId, agencyId: housing.id, sharedSealed: "-", withheldSealed: "-", updatedByUserId: chairRow.id, updatedAt: now });
          if (i % 5 === 0) {
            actions.push({ meetingId, caseId: record.caseId, descriptionSealed: "-", tags: "-", owningAgencyId: agencyList[i % agencyList.length]?.id ?? police.id, ownerName: "Owner", dueDate: "2026-03-01", status: i % 10 === 0 ? "done" : "open", createdByUserId: chairRow.id, createdAt: now, updatedAt: now });
          }
        }
        tx.insert(agendaItems).values(agenda).run();
        if (research.length > 0) tx.insert(caseResearch).values(research).run();
        if (actions.length > 0) tx.insert(meetingActions).values(actions).run();
      });
    }
    db.$client.close();
    db = createDb(file);
    process.stderr.write(`  wrote ${count.toLocaleString("en-GB")} cases on ${MEETINGS} agendas in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    const chair: SessionUser = { id: chairRow.id, name: "Chair", email: "c@x", role: "chair", agencyId: police.id, agencyName: police.name, agencyType: "police", agencyIsMember: true, sessionId: "s" };
    const rep: SessionUser = { ...chair, role: "agency_rep", agencyId: housing.id, agencyName: housing.name, agencyType: "housing" };
    let cases = 0;
    const coldStart = performance.now();
    quarterlyReturn(db, cipher, chair, { year: 2026, quarter: 1 }, "screen", now);
    const coldReturnMs = performance.now() - coldStart;
    process.stderr.write(`  quarterly return, first run (opens every sealed answer): ${coldReturnMs.toFixed(1)} ms\n`);
    const returnMs = best("quarterly return, Q1 2026", () => {
      const r = quarterlyReturn(db, cipher, chair, { year: 2026, quarter: 1 }, "screen", now);
      const first = r.rows[0]?.count;
      cases = typeof first === "number" ? first : 0;
    });
    const dashboardsMs = best("dashboards, 2026, chair", () => void dashboards(db, chair, 2026, now));
    const referralsMs = best("dashboards, 2025 referrals, agency representative", () => void dashboards(db, rep, 2025, now));
    return { cases, coldReturnMs, returnMs, dashboardsMs, referralsMs };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
