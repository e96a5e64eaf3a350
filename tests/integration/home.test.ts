import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

/** Issue 12 §4: each role's home page, read through the same services and projection as the full pages. */
describe("home pages per role", () => {
  const t = createTestDb();
  let ctx: Awaited<ReturnType<typeof meetingWithCase>>;
  let chair: SessionUser;
  let idva: SessionUser;
  let ie: SessionUser;

  beforeAll(async () => {
    ctx = await meetingWithCase(t, NOW, { reps: ["housing", "by_and_for"], invite: ["housing", "by_and_for"], date: "2026-12-10", publish: true });
    const { api, coordinator, rep, caseId, meetingId } = ctx;
    chair = await sessionUserFor(t.db, "chair", "police");
    idva = await sessionUserFor(t.db, "idva");
    ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    await api(chair).cases.addFlag({ caseId, factorId: "stalking", note: "He waits outside her work." });
    await api(chair).cases.addFlag({ caseId, factorId: "immigration_status_abuse", note: "He holds her passport." });
    await api(coordinator).actions.create({ meetingId, caseId, description: "Fit a panic alarm.", owningAgencyId: rep("housing").agencyId, ownerName: "J Smith", dueDate: "2026-11-20" });
    await api(coordinator).actions.create({ meetingId, caseId, description: "Visit her at the refuge.", owningAgencyId: rep("housing").agencyId, ownerName: "J Smith", dueDate: "2026-12-20" });
    // An override in effect gives the IDVA a "tell the victim" task (approvals need a fresh authenticator code).
    const fresh = (u: SessionUser) => api({ ...u, secondFactorAt: NOW });
    const { id } = await fresh(chair).overrides.record({ caseId, agencyId: rep("housing").agencyId, tag: "health", decisionRef: "MARAC 28/11/2026 item 1", reason: "Housing needs to know about her pregnancy to plan the move.", endDate: "2027-01-31" });
    await fresh(idva).overrides.approve({ overrideId: id });
    await api(rep("housing")).meetings.saveResearch({ meetingId, caseId, version: null, shared: "Tenancy in her sole name since 2022.", withheld: "" });
  });
  afterAll(() => t.cleanup());

  it("gives the chair and coordinator the next meeting with research per agency, the counts, overdue actions and reviews due", async () => {
    for (const user of [chair, ctx.coordinator]) {
      const home = await ctx.api(user).home.organiser();
      expect(home.nextMeeting?.id).toBe(ctx.meetingId);
      expect(home.nextMeeting?.cases.map((c) => c.caseId)).toEqual([ctx.caseId]);
      expect(Object.fromEntries(home.nextMeeting?.research.map((r) => [r.agencyName, `${r.returned}/${r.of}`]) ?? [])).toEqual({
        [ctx.rep("housing").agencyName]: "1/1",
        [ctx.rep("by_and_for").agencyName]: "0/1",
      });
      expect(home.triageCount).toBe(0);
      expect(home.reviewCount).toBeGreaterThan(0);
      expect(home.overdueActions.map((a) => a.dueDate)).toEqual(["2026-11-20"]);
      // The sample case was referred in February 2025: due for review by now.
      expect(home.dueForReview.map((c) => c.caseId)).toEqual([ctx.caseId]);
    }
  });

  it("gives an agency its next pack, the research it still owes and its own open actions, overdue first", async () => {
    const housing = await ctx.api(ctx.rep("housing")).home.agency();
    expect(housing.nextPack).toMatchObject({ meetingId: ctx.meetingId, caseCount: 1, researchDue: [] });
    expect(housing.actions.map((a) => [a.dueDate, a.overdue])).toEqual([["2026-11-20", true], ["2026-12-20", false]]);
    const byAndFor = await ctx.api(ctx.rep("by_and_for")).home.agency();
    expect(byAndFor.nextPack?.researchDue.map((c) => c.caseId)).toEqual([ctx.caseId]);
    expect(byAndFor.actions).toEqual([]);
    // Nothing housing may not see: no immigration flag, no other agency's work, no sealed text.
    const text = JSON.stringify(housing);
    for (const absent of ["immigration", "passport", "Spouse", "Tenancy"]) expect(text).not.toContain(absent);
    await expect(ctx.api(ctx.rep("housing")).home.organiser()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ctx.api(ctx.rep("housing")).home.idva()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives the IDVA recent flags through the IDVA's view, the tasks to tell the victim, and no pack for a service not invited", async () => {
    const home = await ctx.api(idva).home.idva();
    expect(home.recentFlags.map((f) => f.label).sort()).toEqual(["Stalking or harassment", "The abuser uses the victim's immigration status to control them"]);
    expect(home.cases).toEqual([]);
    expect(home.victimTasks).toEqual([
      { overrideId: expect.any(String) as unknown, caseId: ctx.caseId, caseNumber: expect.any(String) as unknown, agencyName: ctx.rep("housing").agencyName, dueDate: expect.any(String) as unknown, overdue: false },
    ]);
    expect((await ctx.api(idva).home.agency()).nextPack).toBeNull();
  });

  it("gives Immigration Enforcement none of it: only its own referrals through the case list", async () => {
    for (const call of [ctx.api(ie).home.organiser(), ctx.api(ie).home.agency(), ctx.api(ie).home.idva()]) {
      await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await ctx.api(ie).cases.list({})).rows).toEqual([]);
  });
});
