import { existsSync, readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, caseNameTokens, caseResearch, cases, caseTombstones, caseVictims, deletionProposals, disclosures, meetingActions, meetingCaseNotes, agendaItems, casePerpetrators, caseHouseholdMembers } from "~/db/schema";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { reportArea } from "../helpers/report-area";
import { createTestDb } from "../helpers/test-db";

const now = new Date("2026-06-01T10:00:00Z");
const MARKERS = ["Qzxvictimmarker", "Qzxperpmarker", "Qzxchildmarker", "Qzxethnicmarker", "Qzxownermarker"];

/** The database file and its WAL, as bytes on disk. */
function fileBytes(file: string): string {
  return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("latin1")).join("");
}

describe("retention and deletion", () => {
  const t = createTestDb();
  let area: Awaited<ReturnType<typeof reportArea>>;
  let doomed = "";
  let kept = "";
  let recent = "";
  beforeAll(async () => {
    area = await reportArea(t, now);
    const ids = await area.addCases([
      {
        agency: "Police",
        change: (r) => {
          r.victim.name = `Amina ${MARKERS[0]}`;
          const [p] = r.perpetrators;
          if (p) p.name = `Karim ${MARKERS[1]}`;
          const [child] = r.householdMembers;
          if (child) child.name = `Yusuf ${MARKERS[2]}`;
          r.victim.ethnicity = MARKERS[3];
        },
      },
      { agency: "Police" },
      { agency: "Housing" },
    ]);
    [doomed = "", kept = "", recent = ""] = ids;
    const meetingId = await area.meetingWith("2020-03-10", [doomed, kept]);
    const api = area.api(area.coordinator);
    await api.actions.create({ meetingId, caseId: doomed, description: "Refer to the housing options team.", tags: [], owningAgencyId: area.housing.id, ownerName: MARKERS[4] ?? "", dueDate: "2020-04-01" });
    const cipher = getAppCipher();
    t.db.insert(caseResearch).values({ meetingId, caseId: doomed, agencyId: area.housing.id, sharedSealed: cipher.seal("[]", "r"), withheldSealed: cipher.seal("[]", "w"), updatedByUserId: area.coordinator.id, updatedAt: now }).run();
    t.db.insert(meetingCaseNotes).values({ meetingId, caseId: doomed, discussionSealed: cipher.seal("[]", "d"), risksSealed: cipher.seal("[]", "k"), updatedAt: now }).run();
    await api.cases.forEditing({ caseId: doomed });
    await api.cases.get({ caseId: kept });
    // No procedure closes a case yet: close them as an import of closed cases would.
    t.db.update(cases).set({ status: "closed", closedAt: new Date("2019-06-01T00:00:00Z") }).where(sql`${cases.id} IN (${doomed}, ${kept})`).run();
    t.db.update(cases).set({ status: "closed", closedAt: new Date("2025-06-01T00:00:00Z") }).where(eq(cases.id, recent)).run();
  });
  afterAll(() => t.cleanup());

  it("lists closed cases past the retention period, and no others", async () => {
    const s = await area.api(area.coordinator).retention.schedule();
    expect(s.retentionMonths).toBe(72);
    expect(s.due.map((d) => d.id).sort()).toEqual([doomed, kept].sort());
    expect(JSON.stringify(s)).not.toContain(MARKERS[0]);
  });

  it("lets only a chair propose, only for a case past its period, once", async () => {
    await expect(area.api(area.coordinator).retention.propose({ caseId: doomed, reason: "retention_period_ended" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(area.api(area.housingRep).retention.schedule()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(area.api(area.chair).retention.propose({ caseId: recent, reason: "retention_period_ended" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(area.api(area.chair).retention.propose({ caseId: doomed, reason: "shredded" as "erasure_request" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await area.api(area.chair).retention.propose({ caseId: doomed, reason: "retention_period_ended" });
    await expect(area.api(area.chair).retention.propose({ caseId: doomed, reason: "retention_period_ended" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("takes an erasure request for a closed case still within its period, listed apart", async () => {
    const { id } = await area.api(area.chair).retention.propose({ caseId: recent, reason: "erasure_request" });
    expect((await area.api(area.coordinator).retention.schedule()).erasureRequests).toMatchObject([{ id, caseId: recent, reason: "erasure_request" }]);
    await area.api(area.coordinator).retention.decide({ proposalId: id, approve: false });
    expect((await area.api(area.coordinator).retention.schedule()).erasureRequests).toEqual([]);
  });

  it("refuses the proposer as the second person, and a rejection deletes nothing", async () => {
    const { id } = await area.api(area.chair).retention.propose({ caseId: kept, reason: "retention_period_ended" });
    await expect(area.api(area.chair).retention.decide({ proposalId: id, approve: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await area.api(area.coordinator).retention.decide({ proposalId: id, approve: false })).toEqual({ deleted: false });
    expect(t.db.select().from(cases).where(eq(cases.id, kept)).get()).toBeDefined();
  });

  it("a disclosure row cannot be emptied or deleted for a case that still exists", () => {
    expect(() => t.db.update(disclosures).set({ tagsShown: "", purpose: null }).where(eq(disclosures.caseId, kept)).run()).toThrow(/append-only/);
    expect(() => t.db.delete(disclosures).where(eq(disclosures.caseId, kept)).run()).toThrow(/append-only/);
  });

  it("on approval removes the case's content from every table and from the files on disk, keeping a tombstone", async () => {
    t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const before = fileBytes(t.file);
    for (const m of MARKERS) expect(before, `${m} is on disk before deletion`).toContain(m);

    const proposal = t.db.select().from(deletionProposals).where(eq(deletionProposals.caseId, doomed)).get();
    expect(await area.api(area.coordinator).retention.decide({ proposalId: proposal?.id ?? 0, approve: true })).toEqual({ deleted: true });

    const after = fileBytes(t.file);
    for (const m of MARKERS) expect(after.includes(m), `${m} is gone from the database and WAL`).toBe(false);
    for (const table of [cases, caseVictims, casePerpetrators, caseHouseholdMembers, caseNameTokens, meetingActions, caseResearch, meetingCaseNotes, agendaItems]) {
      const column = "caseId" in table ? table.caseId : table.id;
      expect(t.db.select().from(table).where(eq(column, doomed)).all()).toHaveLength(0);
    }
    const tomb = t.db.select().from(caseTombstones).where(eq(caseTombstones.caseId, doomed)).get();
    expect(tomb).toMatchObject({ reason: "retention_period_ended", proposedByUserId: area.chair.id, approvedByUserId: area.coordinator.id, referralDate: "2025-02-03" });
    const log = t.db.select().from(disclosures).where(eq(disclosures.caseId, doomed)).all();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ tagsShown: "", purpose: null, userId: area.coordinator.id });
    expect(t.db.select().from(disclosures).where(eq(disclosures.caseId, kept)).get()?.tagsShown).not.toBe("");
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, "case.deleted")).get();
    expect(audit?.details).toMatchObject({ reason: "retention_period_ended", actions: 1, research: 1, minutesNotes: 1, agendaItems: 1, disclosuresEmptied: 1, cases: 1 });
    expect(await area.api(area.chair).retention.tombstones()).toMatchObject([{ caseId: doomed, proposedBy: area.chair.name, approvedBy: area.coordinator.name }]);
  });

  it("a deleted case is not searchable or reachable", async () => {
    const api = area.api(area.coordinator);
    expect((await api.cases.list({ q: "Amina" })).rows.map((r) => r.id)).not.toContain(doomed);
    expect((await api.cases.list({})).rows.map((r) => r.id)).not.toContain(doomed);
    await expect(api.cases.get({ caseId: doomed })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await area.api(area.housingRep).actions.mine()).map((a) => a.caseId)).not.toContain(doomed);
    expect((await api.actions.overdue()).map((a) => a.caseId)).not.toContain(doomed);
    expect((await api.retention.schedule()).due.map((d) => d.id)).not.toContain(doomed);
    // The emptied rows stay as they are: a tombstoned case's disclosure rows cannot be refilled.
    expect(() => t.db.update(disclosures).set({ tagsShown: "enc:v1:x.y" }).where(eq(disclosures.caseId, doomed)).run()).toThrow(/append-only/);
  });
});
