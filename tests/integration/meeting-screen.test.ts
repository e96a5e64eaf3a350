import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, meetingCaseNotes } from "~/db/schema";
import { DEFAULT_CONFIDENTIALITY_STATEMENT } from "~/db/schema/settings";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const minutesLater = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** The chair's screen (issue 12, section 2): statement, attendance, notes, timer, actions, completion. */
describe("running the meeting", () => {
  const t = createTestDb();
  let coordinator: SessionUser;
  let otherChair: SessionUser;
  let housing: SessionUser;
  let idvaRep: SessionUser;
  let ie: SessionUser;
  let meetingId = "";
  let caseA = "";
  let caseB = "";
  const api = (u: SessionUser, at: Date = NOW) => createCaller(createInnerContext({ db: t.db, user: u, now: () => at }));

  beforeAll(async () => {
    const m = await meetingWithCase(t, NOW, { reps: ["housing", "idva"], invite: ["housing", "idva"], date: "2026-12-10", publish: false });
    ({ coordinator, meetingId, caseId: caseA } = m);
    housing = m.rep("housing");
    idvaRep = m.rep("idva");
    otherChair = await sessionUserFor(t.db, "chair", "police");
    ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    const admin = await sessionUserFor(t.db, "admin", "idva");
    const s = makeSampleCase();
    await api(admin).cases.import({ document: importFile(asReferral({ ...s, victim: { ...s.victim, name: "Second Case", dateOfBirth: "1970-03-03", aliases: [] } }, "Police", "accepted")) });
    caseB = (await api(coordinator).cases.list({})).rows.find((r) => r.victimName === "Second Case")?.id ?? "";
    await api(coordinator).meetings.addCase({ meetingId, caseId: caseB });
  });
  afterAll(() => t.cleanup());

  it("shows the MARAC's own confidentiality statement, records who confirmed it and when, and starts attendance unset", async () => {
    let sheet = await api(coordinator).meetings.runSheet({ meetingId });
    expect(sheet.confidentialityStatement).toBe(DEFAULT_CONFIDENTIALITY_STATEMENT);
    expect(sheet.attendance).toEqual([]);
    expect(sheet).toMatchObject({ confidentialityAgreed: false, statementConfirmedBy: null, statementConfirmedAt: null });

    // The admin words the MARAC's own statement in its settings; the audit says it changed, not what it says.
    const admin = await sessionUserFor(t.db, "admin", "idva");
    const settings = await api(admin).admin.settings.get();
    await api(admin).admin.settings.update({ ...settings, confidentialityStatement: "Our own wording: nothing said here leaves the room." });
    expect(JSON.stringify(t.db.select().from(auditLog).all().filter((a) => a.action === "settings.updated"))).not.toContain("Our own wording");
    expect((await api(coordinator).meetings.runSheet({ meetingId })).confidentialityStatement).toBe("Our own wording: nothing said here leaves the room.");

    // One agency recorded; the other stays unset.
    const { version } = await api(coordinator).meetings.saveRecord({ meetingId, version: null, confidentialityAgreed: true, attendance: [{ agencyId: housing.agencyId, status: "attended", names: "Hannah" }] });
    sheet = await api(coordinator).meetings.runSheet({ meetingId });
    expect(sheet).toMatchObject({ confidentialityAgreed: true, statementConfirmedBy: coordinator.name, statementConfirmedAt: NOW });
    expect(sheet.attendance).toEqual([{ agencyName: housing.agencyName, status: "attended", names: "Hannah" }]);

    // Saving again later keeps the first confirmation; unticking clears it.
    const again = await api(otherChair, minutesLater(5)).meetings.saveRecord({ meetingId, version, confidentialityAgreed: true, attendance: [] });
    expect(await api(coordinator).meetings.runSheet({ meetingId })).toMatchObject({ statementConfirmedBy: coordinator.name, statementConfirmedAt: NOW });
    await api(otherChair).meetings.saveRecord({ meetingId, version: again.version, confidentialityAgreed: false, attendance: [] });
    expect(await api(coordinator).meetings.runSheet({ meetingId })).toMatchObject({ confidentialityAgreed: false, statementConfirmedBy: null, statementConfirmedAt: null });
  });

  it("saves each case's notes on their own, and refuses a save based on an old version, returning the newer text", async () => {
    const a1 = await api(coordinator).meetings.saveCaseNotes({ meetingId, caseId: caseA, version: null, discussion: "A: first.", risks: "A risks.", safetyPlan: "A plan." });
    expect(a1).toEqual({ saved: true, version: 1 });
    const b1 = await api(coordinator).meetings.saveCaseNotes({ meetingId, caseId: caseB, version: null, discussion: "B: first.", risks: "", safetyPlan: "" });
    expect(b1).toEqual({ saved: true, version: 1 });
    // Saving case B does not touch case A.
    await api(coordinator).meetings.saveCaseNotes({ meetingId, caseId: caseB, version: 1, discussion: "B: second.", risks: "", safetyPlan: "" });
    const sheet = await api(coordinator).meetings.runSheet({ meetingId });
    const a = sheet.cases.find((c) => c.caseId === caseA);
    expect(a).toMatchObject({ notesVersion: 1, discussion: { text: "A: first." }, risks: { text: "A risks." }, safetyPlan: { text: "A plan." } });

    // Another chair saves case A; the first chair's save, based on version 1, is refused.
    await api(otherChair).meetings.saveCaseNotes({ meetingId, caseId: caseA, version: 1, discussion: "A: the other chair's words.", risks: "A risks.", safetyPlan: "A plan." });
    const stale = await api(coordinator).meetings.saveCaseNotes({ meetingId, caseId: caseA, version: 1, discussion: "A: my late edit.", risks: "", safetyPlan: "" });
    expect(stale).toMatchObject({ saved: false, message: expect.stringMatching(/Your changes have not been saved/) as unknown, current: { version: 2, discussion: "A: the other chair's words.", risks: "A risks.", safetyPlan: "A plan." } });
    expect((await api(coordinator).meetings.runSheet({ meetingId })).cases.find((c) => c.caseId === caseA)?.discussion.text).toBe("A: the other chair's words.");

    // Notes only for a case on this agenda; nobody but chairs and coordinators.
    const { id: other } = await api(coordinator).meetings.create({ date: "2026-12-17", time: "09:30", venue: "Room", online: false, chairUserId: coordinator.id, invitedAgencyIds: [] });
    await expect(api(coordinator).meetings.saveCaseNotes({ meetingId: other, caseId: caseA, version: null, discussion: "x", risks: "", safetyPlan: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(housing).meetings.saveCaseNotes({ meetingId, caseId: caseA, version: 2, discussion: "x", risks: "", safetyPlan: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the timer on the server: it survives a reload, and completing the case records the minutes taken", async () => {
    const { startedAt } = await api(coordinator, minutesLater(10)).meetings.startTimer({ meetingId, caseId: caseB });
    expect(startedAt).toEqual(minutesLater(10));
    // A reload later still has the same start.
    const reloaded = await api(coordinator, minutesLater(20)).meetings.runSheet({ meetingId });
    expect(reloaded.cases.find((c) => c.caseId === caseB)).toMatchObject({ timerStartedAt: minutesLater(10), completedAt: null });
    // The timer does not change the notes' version: typing on is not a conflict.
    expect(await api(coordinator).meetings.saveCaseNotes({ meetingId, caseId: caseB, version: 2, discussion: "B: third.", risks: "", safetyPlan: "" })).toEqual({ saved: true, version: 3 });

    await api(coordinator, minutesLater(24)).meetings.completeCase({ meetingId, caseId: caseB, complete: true });
    expect((await api(coordinator).meetings.runSheet({ meetingId })).cases.find((c) => c.caseId === caseB)).toMatchObject({ completedAt: minutesLater(24), minutesTaken: 14 });
    await api(coordinator).meetings.completeCase({ meetingId, caseId: caseB, complete: false });
    expect((await api(coordinator).meetings.runSheet({ meetingId })).cases.find((c) => c.caseId === caseB)?.completedAt).toBeNull();
  });

  it("starts a timer on a case with no notes yet without making the first save a conflict", async () => {
    const { id } = await api(coordinator).meetings.create({ date: "2026-12-31", time: "09:30", venue: "Room", online: false, chairUserId: coordinator.id, invitedAgencyIds: [] });
    await api(coordinator).meetings.addCase({ meetingId: id, caseId: caseA });
    await api(coordinator).meetings.startTimer({ meetingId: id, caseId: caseA });
    expect((await api(coordinator).meetings.runSheet({ meetingId: id })).cases[0]?.notesVersion).toBeNull();
    expect(await api(coordinator).meetings.saveCaseNotes({ meetingId: id, caseId: caseA, version: null, discussion: "Started.", risks: "", safetyPlan: "" })).toEqual({ saved: true, version: 1 });
    await expect(api(coordinator).meetings.startTimer({ meetingId: id, caseId: "no-such-case" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adds actions inline through the actions service: the owner must be allowed its tags, and Immigration Enforcement is never given one", async () => {
    const base = { meetingId, caseId: caseA, tags: [] as never[], ownerName: "Owner", dueDate: "2026-12-20" };
    await expect(api(coordinator).actions.create({ ...base, description: "Check her status.", owningAgencyId: ie.agencyId })).rejects.toThrow(/cannot be given a MARAC action/);
    await expect(api(coordinator).actions.create({ ...base, description: "Refer to specialist immigration advice.", tags: ["immigration"] as never[], owningAgencyId: housing.agencyId })).rejects.toThrow(/may not see immigration/i);
    const { id } = await api(coordinator).actions.create({ ...base, description: "Refer to specialist immigration advice.", tags: ["immigration"] as never[], owningAgencyId: idvaRep.agencyId });
    expect((await api(coordinator).actions.forCase({ caseId: caseA })).map((a) => a.id)).toContain(id);
    await expect(api(housing).actions.create({ ...base, description: "Fit a door chain.", owningAgencyId: housing.agencyId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists the safety plan for review once written, and keeps the notes row per case", async () => {
    const queue = await api(coordinator).review.queue();
    const refs = queue.cases.find((c) => c.caseId === caseA)?.texts.map((x) => x.ref) ?? [];
    expect(refs).toEqual(expect.arrayContaining([`minutes~${meetingId}~discussion`, `minutes~${meetingId}~risks`, `minutes~${meetingId}~safetyPlan`]));
    const rows = t.db.select().from(meetingCaseNotes).where(eq(meetingCaseNotes.meetingId, meetingId)).all();
    expect(rows.map((r) => r.caseId).sort()).toEqual([caseA, caseB].sort());
  });
});

/** Building the agenda (issue 12, section 3): several cases at once, filters, actions once, the research deadline. */
describe("building the agenda", () => {
  const t = createTestDb();
  let coordinator: SessionUser;
  let housing: SessionUser;
  let meetingId = "";
  const ids = new Map<string, string>();
  const api = (u: SessionUser, at: Date = NOW) => createCaller(createInnerContext({ db: t.db, user: u, now: () => at }));
  const meeting = (date: string, researchDeadline?: string | null) =>
    api(coordinator).meetings.create({ date, time: "09:30", venue: "Room", online: false, chairUserId: coordinator.id, invitedAgencyIds: [housing.agencyId], ...(researchDeadline === undefined ? {} : { researchDeadline }) });

  beforeAll(async () => {
    const m = await meetingWithCase(t, NOW, { reps: ["housing"], invite: ["housing"], date: "2026-11-19", publish: true });
    ({ coordinator } = m);
    housing = m.rep("housing");
    ids.set("heard", m.caseId); // on a meeting already held
    const admin = await sessionUserFor(t.db, "admin", "idva");
    const s = makeSampleCase();
    const person = (name: string, dob: string, referralDate: string, children: boolean) =>
      asReferral({ ...s, victim: { ...s.victim, name, dateOfBirth: dob, aliases: [] }, referring: { ...s.referring, referralDate }, householdMembers: children ? s.householdMembers : [] }, "Police", "accepted");
    await api(admin).cases.import({
      document: importFile(person("Early Adult", "1970-01-01", "2026-09-01", false), person("Late Child", "1971-01-01", "2026-11-02", true), person("Repeat Adult", "1972-01-01", "2026-10-15", false), person("Scheduled Later", "1973-01-01", "2026-10-20", false)),
    });
    for (const r of (await api(coordinator).cases.list({})).rows) if (!ids.has(r.victimName)) ids.set(r.victimName, r.id);
    t.db.update(cases).set({ isRepeat: true }).where(eq(cases.id, ids.get("Repeat Adult") ?? "")).run();
    const later = await meeting("2027-01-14");
    await api(coordinator).meetings.addCase({ meetingId: later.id, caseId: ids.get("Scheduled Later") ?? "" });
    meetingId = (await meeting("2026-12-10")).id;
  });
  afterAll(() => t.cleanup());

  const names = (rows: { victimName: string }[]) => rows.map((r) => r.victimName).sort();

  it("lists, by default, accepted cases not yet on any meeting, and filters by heard, referral date, repeat and children", async () => {
    const list = (filters: Parameters<ReturnType<typeof api>["meetings"]["agendaCandidates"]>[0]["filters"]) => api(coordinator).meetings.agendaCandidates({ meetingId, filters });
    expect(names(await api(coordinator).meetings.agendaCandidates({ meetingId }))).toEqual(["Early Adult", "Late Child", "Repeat Adult"]);
    expect(names(await list({ heard: "not_heard" }))).toEqual(["Early Adult", "Late Child", "Repeat Adult", "Scheduled Later"]);
    // The sample case, heard at the meeting on 19 November, is listed only when asking for every accepted case.
    expect(names(await list({ heard: "any" }))).toEqual(["Amina Rahman", "Early Adult", "Late Child", "Repeat Adult", "Scheduled Later"]);
    expect(names(await list({ referredFrom: "2026-10-01", referredTo: "2026-10-31" }))).toEqual(["Repeat Adult"]);
    expect(names(await list({ repeatOnly: true }))).toEqual(["Repeat Adult"]);
    expect(names(await list({ childrenOnly: true }))).toEqual(["Late Child"]);
    await expect(list({ referredFrom: "2026-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("adds several cases at once, all or none", async () => {
    await expect(api(coordinator).meetings.addCases({ meetingId, caseIds: [] })).rejects.toThrow(/Select at least one case/);
    const refused = [ids.get("Early Adult") ?? "", "no-such-case"];
    await expect(api(coordinator).meetings.addCases({ meetingId, caseIds: refused })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api(coordinator).meetings.get({ meetingId })).lines).toEqual([]);
    expect(await api(coordinator).meetings.addCases({ meetingId, caseIds: [ids.get("Early Adult") ?? "", ids.get("Late Child") ?? ""] })).toEqual({ added: 2 });
    expect((await api(coordinator).meetings.get({ meetingId })).lines.map((l) => l.victimName)).toEqual(["Late Child", "Early Adult"]);
    expect(names(await api(coordinator).meetings.agendaCandidates({ meetingId }))).toEqual(["Repeat Adult"]);
    await expect(api(housing).meetings.addCases({ meetingId, caseIds: [ids.get("Repeat Adult") ?? ""] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("says the children-first rule stopped a move, and changes nothing", async () => {
    await expect(api(coordinator).meetings.move({ meetingId, caseId: ids.get("Late Child") ?? "", direction: "down" })).rejects.toThrow(/cases with children in the household stay before adult-only cases/);
    expect((await api(coordinator).meetings.get({ meetingId })).lines.map((l) => l.victimName)).toEqual(["Late Child", "Early Adult"]);
  });

  it("lists each action to review once, even when it is both open from the last meeting and overdue", async () => {
    const last = (await api(coordinator).meetings.list()).find((m) => m.date === "2026-11-19")?.id ?? "";
    const heard = ids.get("heard") ?? "";
    const base = { meetingId: last, caseId: heard, tags: [], owningAgencyId: housing.agencyId, ownerName: "Hannah" };
    const { id: overdueAndCarried } = await api(coordinator).actions.create({ ...base, description: "Fit a door chain.", dueDate: "2026-11-20" });
    const { id: carriedOnly } = await api(coordinator).actions.create({ ...base, description: "Visit her.", dueDate: "2026-12-20" });
    const review = await api(coordinator).actions.toReview({ meetingId });
    const all = [...review.fromLastMeeting, ...review.otherOverdue].map((a) => a.id);
    expect(all.filter((id) => id === overdueAndCarried)).toHaveLength(1);
    expect(review.fromLastMeeting.map((a) => a.id).sort()).toEqual([overdueAndCarried, carriedOnly].sort());
    expect(review.otherOverdue).toEqual([]);
    expect(review.fromLastMeeting.find((a) => a.id === overdueAndCarried)?.overdue).toBe(true);
  });

  it("sets a research deadline two working days before by default, or as the chair sets it, and marks late research", async () => {
    const m = await api(coordinator).meetings.get({ meetingId });
    expect(m).toMatchObject({ researchDeadline: "2026-12-08", researchDeadlineSet: false });
    const { id: set } = await meeting("2026-12-17", "2026-12-11");
    expect(await api(coordinator).meetings.get({ meetingId: set })).toMatchObject({ researchDeadline: "2026-12-11", researchDeadlineSet: true });
    await expect(meeting("2026-12-17", "2026-12-17")).rejects.toThrow(/research deadline must be before the meeting date/);

    await api(coordinator).meetings.publish({ meetingId });
    const onTime = new Date("2026-12-08T22:30:00Z"); // 22:30 in London: still the deadline day
    const late = new Date("2026-12-09T00:30:00Z");
    await api(housing, onTime).meetings.saveResearch({ meetingId, caseId: ids.get("Late Child") ?? "", version: null, shared: "Known to us.", withheld: "" });
    await api(housing, late).meetings.saveResearch({ meetingId, caseId: ids.get("Early Adult") ?? "", version: null, shared: "Known to us.", withheld: "" });
    // Editing on-time research after the deadline does not make it late.
    await api(housing, late).meetings.saveResearch({ meetingId, caseId: ids.get("Late Child") ?? "", version: 1, shared: "Known to us since May.", withheld: "" });
    expect((await api(housing).meetings.research({ meetingId, caseId: ids.get("Late Child") ?? "" }))[0]?.late).toBe(false);
    expect((await api(housing).meetings.research({ meetingId, caseId: ids.get("Early Adult") ?? "" }))[0]?.late).toBe(true);
    expect((await api(coordinator).meetings.research({ meetingId, caseId: ids.get("Early Adult") ?? "" }))[0]?.late).toBe(true);
  });
});
