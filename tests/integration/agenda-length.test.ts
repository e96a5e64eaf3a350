import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { meetingWithCase } from "../helpers/meeting";
import { asReferral, importFile } from "../helpers/referrals";
import { countStatements } from "../helpers/statement-count";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

/**
 * Reads a page makes once per case must not each read the whole agenda or the sharing rules
 * again: a pack projects every case's actions and research, and the run screen asks for one
 * case's research. Each figure is taken with one case on the agenda, then with seven.
 */
describe("reads that do not grow with the agenda", () => {
  const t = createTestDb();
  afterAll(() => t.cleanup());
  let m: Awaited<ReturnType<typeof meetingWithCase>>;
  const measures: { research: number; rulesPerPack: number }[] = [];

  async function measure() {
    const health = m.rep("health");
    const research = await countStatements(t.db, () => m.api(health).meetings.research({ meetingId: m.meetingId, caseId: m.caseId }));
    const rulesPerPack = await countStatements(t.db, () => m.api(health).meetings.pack({ meetingId: m.meetingId }), /from "(policy_versions|case_overrides)"/);
    measures.push({ research, rulesPerPack });
  }

  beforeAll(async () => {
    m = await meetingWithCase(t, NOW, { reps: ["health"], invite: ["health"], date: "2026-12-10", publish: true });
    await m.api(m.rep("health")).meetings.saveResearch({ meetingId: m.meetingId, caseId: m.caseId, version: null, shared: "Seen at the GP surgery.", withheld: "" });
    await measure();
    const admin = await sessionUserFor(t.db, "admin", "idva");
    const referrals = Array.from({ length: 6 }, (_, i) => asReferral({ ...makeSampleCase(), victim: { ...makeSampleCase().victim, name: `Agenda Person ${i}` } }, "Police", "accepted"));
    await m.api(admin).cases.import({ document: importFile(...referrals) });
    const others = (await m.api(m.coordinator).cases.list({})).rows.filter((r) => r.id !== m.caseId);
    expect(others).toHaveLength(6);
    for (const c of others) await m.api(m.coordinator).meetings.addCase({ meetingId: m.meetingId, caseId: c.id });
    await measure();
  });

  it("reads one case's research with the same statements whatever the agenda's length", async () => {
    expect(measures[1]?.research).toBe(measures[0]?.research);
    expect((await m.api(m.rep("health")).meetings.research({ meetingId: m.meetingId, caseId: m.caseId }))[0]?.shared.text).toBe("Seen at the GP surgery.");
  });

  it("reads the sharing rules for a pack the same number of times whatever the agenda's length", async () => {
    expect(measures[1]?.rulesPerPack).toBe(measures[0]?.rulesPerPack);
    expect((await m.api(m.rep("health")).meetings.pack({ meetingId: m.meetingId })).cases).toHaveLength(7);
  });

  it("reads every case's research of the meeting in one call, as each case's own call gives it", async () => {
    const health = m.rep("health");
    const second = (await m.api(m.coordinator).meetings.pack({ meetingId: m.meetingId })).cases.map((c) => c.line.caseId).find((id) => id !== m.caseId) ?? "";
    await m.api(health).meetings.saveResearch({ meetingId: m.meetingId, caseId: second, version: null, shared: "Attended A&E in October.", withheld: "Not for the pack." });
    const caseIds = (await m.api(m.coordinator).meetings.pack({ meetingId: m.meetingId })).cases.map((c) => c.line.caseId);
    const key = (r: { caseId: string; agencyId: string }) => `${r.caseId} ${r.agencyId}`;
    for (const viewer of [health, m.coordinator]) {
      const all = await m.api(viewer).meetings.research({ meetingId: m.meetingId });
      const byCase = (await Promise.all(caseIds.map((caseId) => m.api(viewer).meetings.research({ meetingId: m.meetingId, caseId })))).flat();
      expect(all.map(key).sort()).toEqual([`${m.caseId} ${health.agencyId}`, `${second} ${health.agencyId}`].sort());
      expect([...all].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...byCase].sort((a, b) => key(a).localeCompare(key(b))));
    }
    // A case taken off the agenda takes its research out of both calls: the meeting-wide call names no case the pack does not.
    await m.api(m.coordinator).meetings.removeCase({ meetingId: m.meetingId, caseId: second });
    expect((await m.api(health).meetings.research({ meetingId: m.meetingId })).map(key)).toEqual([`${m.caseId} ${health.agencyId}`]);
    expect(await m.api(health).meetings.research({ meetingId: m.meetingId, caseId: second })).toEqual([]);
    await m.api(m.coordinator).meetings.addCase({ meetingId: m.meetingId, caseId: second });
    // An agency not invited is refused the meeting's research as it is a case's.
    const probation = await sessionUserFor(t.db, "agency_rep", "probation");
    await expect(m.api(probation).meetings.research({ meetingId: m.meetingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("carries the research deadline in the pack, so the pack page need not build the agenda again for it", async () => {
    const health = m.rep("health");
    const pack = await m.api(health).meetings.pack({ meetingId: m.meetingId });
    expect(pack.meeting.researchDeadline).toBe((await m.api(health).meetings.get({ meetingId: m.meetingId })).researchDeadline);
    expect(pack.meeting.researchDeadline < pack.meeting.date).toBe(true);
  });
});
