import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

describe("meetings and the agenda", () => {
  const t = createTestDb();
  let coordinator: SessionUser;
  let housing: SessionUser;
  let probation: SessionUser;
  let caseIds: { adult: string; withChildren: string; referred: string };
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));
  const fields = (over: Record<string, unknown> = {}) => ({ date: "2026-12-10", time: "09:30", venue: "Kingsford Police Station, Room 2", online: false, chairUserId: coordinator.id, invitedAgencyIds: [housing.agencyId], ...over });

  beforeAll(async () => {
    ensureSettings(t.db, "T", NOW, "TS");
    makeAgency(t.db, { name: "Police", type: "police" });
    const admin = await sessionUserFor(t.db, "admin", "idva");
    coordinator = await sessionUserFor(t.db, "coordinator", "police");
    housing = await sessionUserFor(t.db, "agency_rep", "housing");
    probation = await sessionUserFor(t.db, "agency_rep", "probation");
    const s = makeSampleCase();
    const adult = { ...s, victim: { ...s.victim, name: "Adult Only", dateOfBirth: "1980-01-01" }, householdMembers: [] };
    const kids = { ...s, victim: { ...s.victim, name: "Has Children", dateOfBirth: "1981-01-01" }, householdMembers: [{ name: "Child One", isChild: true }] };
    const referred = { ...s, victim: { ...s.victim, name: "Not Yet", dateOfBirth: "1982-01-01" } };
    await api(admin).cases.import({ document: importFile(asReferral(adult, "Police", "accepted"), asReferral(kids, "Police", "accepted"), asReferral(referred, "Police", "referred")) });
    const rows = (await api(coordinator).cases.list({})).rows;
    const id = (name: string) => rows.find((r) => r.victimName === name)?.id ?? "";
    caseIds = { adult: id("Adult Only"), withChildren: id("Has Children"), referred: id("Not Yet") };
  });
  afterAll(() => t.cleanup());

  it("never invites Immigration Enforcement, with a message citing the information-sharing rules", async () => {
    const ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    await expect(api(coordinator).meetings.create(fields({ invitedAgencyIds: [housing.agencyId, ie.agencyId] }))).rejects.toThrow(/does not attend MARAC/);
    expect(await api(coordinator).meetings.list()).toHaveLength(0);
  });

  it("builds an agenda with children's cases first, reorders within groups, and shows it to invited agencies once published", async () => {
    const { id } = await api(coordinator).meetings.create(fields());
    await api(coordinator).meetings.addCase({ meetingId: id, caseId: caseIds.adult });
    await api(coordinator).meetings.addCase({ meetingId: id, caseId: caseIds.withChildren });
    await expect(api(coordinator).meetings.addCase({ meetingId: id, caseId: caseIds.referred })).rejects.toThrow(/only accepted referrals/);
    await expect(api(coordinator).meetings.addCase({ meetingId: id, caseId: caseIds.adult })).rejects.toMatchObject({ code: "CONFLICT" });
    let m = await api(coordinator).meetings.get({ meetingId: id });
    expect(m.lines.map((l) => l.victimName)).toEqual(["Has Children", "Adult Only"]);
    expect(m.lines[0]).toMatchObject({ hasChildren: true });
    // The children-first rule stops the move, and the message says so (not "order has been changed").
    await expect(api(coordinator).meetings.move({ meetingId: id, caseId: caseIds.adult, direction: "up" })).rejects.toThrow(/was not moved: cases with children in the household stay before adult-only cases/);
    await expect(api(coordinator).meetings.move({ meetingId: id, caseId: caseIds.withChildren, direction: "up" })).rejects.toThrow(/already first/);
    m = await api(coordinator).meetings.get({ meetingId: id });
    expect(m.lines.map((l) => l.victimName)).toEqual(["Has Children", "Adult Only"]);

    await expect(api(housing).meetings.get({ meetingId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const idva = await sessionUserFor(t.db, "idva", "idva");
    await api(idva).cases.addFlag({ caseId: caseIds.withChildren, factorId: "immigration_status_abuse", note: "Threatens to report her to the Home Office." });
    await api(idva).cases.addFlag({ caseId: caseIds.withChildren, factorId: "stalking", note: "Follows her to work." });
    await api(coordinator).meetings.publish({ meetingId: id });
    const seen = await api(housing).meetings.get({ meetingId: id });
    // Agenda lines carry flags only as the viewer's agency may see them.
    expect(seen.lines[0]?.flags).toEqual(["Stalking or harassment"]);
    expect((await api(coordinator).meetings.get({ meetingId: id })).lines[0]?.flags).toHaveLength(2);
    expect(seen.lines).toHaveLength(2);
    expect(JSON.stringify(seen)).not.toContain("Child One");
    expect(seen.reviewDue).toEqual([]);
    await expect(api(probation).meetings.get({ meetingId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await api(coordinator).meetings.removeCase({ meetingId: id, caseId: caseIds.adult });
    const after = await api(housing).meetings.get({ meetingId: id });
    expect(after.changes.map((c) => c.description)).toEqual([expect.stringMatching(/removed$/)]);
  });

  it("accepts a referral straight onto a chosen meeting's agenda", async () => {
    const { id } = await api(coordinator).meetings.create(fields({ date: "2026-12-24" }));
    expect((await api(coordinator).triage.upcomingMeetings()).map((m) => m.id)).toContain(id);
    await api(coordinator).triage.accept({ caseId: caseIds.referred, meetingId: id });
    const m = await api(coordinator).meetings.get({ meetingId: id });
    expect(m.lines.map((l) => l.victimName)).toEqual(["Not Yet"]);
  });

  it("refuses agenda changes from agency representatives", async () => {
    const [m] = await api(coordinator).meetings.list();
    await expect(api(housing).meetings.addCase({ meetingId: m?.id ?? "", caseId: caseIds.adult })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
