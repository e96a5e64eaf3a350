import { TRPCError } from "@trpc/server";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { asReferral, importFile } from "../helpers/referrals";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const START = new Date("2026-11-25T10:00:00Z");
const REASON = "OVERRIDEMARK Housing must plan the move around her pregnancy.";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describe("overrides: recorded, approved by a second person, ending on their date, revocable", () => {
  const t = createTestDb();
  let clock = START;
  // Each call is made as if the user had just entered an authenticator code (approvals need a fresh one).
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: { ...u, secondFactorAt: clock }, now: () => clock }));
  let coordinator: SessionUser;
  let chair: SessionUser;
  let idva: SessionUser;
  let housing: SessionUser;
  let admin: SessionUser;
  let caseId = "";
  const base = () => ({ caseId, agencyId: housing.agencyId, decisionRef: "MARAC 26/11/2026 item 3", reason: REASON, endDate: "2026-12-31" });
  const housingSees = async () => (await api(housing).cases.get({ caseId })).view.victim;

  beforeAll(async () => {
    const m = await meetingWithCase(t, START, { reps: ["housing"], invite: ["housing"], date: "2026-11-26", publish: true });
    ({ coordinator, caseId } = m);
    housing = m.rep("housing");
    chair = await sessionUserFor(t.db, "chair", "police");
    idva = await sessionUserFor(t.db, "idva", "idva");
    admin = await sessionUserFor(t.db, "admin", "police");
    await confirmAllTexts(api(coordinator), caseId);
  });
  afterAll(() => t.cleanup());

  it("housing sees health only once a second case holder approves, until the end date, and not after it is revoked", async () => {
    clock = START;
    expect((await housingSees()).pregnantOrBabyUnder18Months).not.toBe("yes");
    const { id } = await api(coordinator).overrides.record({ ...base(), tag: "health" });
    // Recorded but not approved: nothing changes for housing.
    expect((await housingSees()).pregnantOrBabyUnder18Months).not.toBe("yes");
    expect(await codeOf(api(coordinator).overrides.approve({ overrideId: id }))).toBe("FORBIDDEN");
    expect(await api(idva).overrides.approve({ overrideId: id })).toEqual({ inEffect: true });
    expect((await housingSees()).pregnantOrBabyUnder18Months).toBe("yes");
    const decision = (await api(housing).cases.get({ caseId })).decisions.find((d) => d.path === "victim.pregnantOrBabyUnder18Months");
    expect(decision?.reason).toBe("override_until");

    // The last day it works, and the day after.
    clock = new Date("2026-12-31T23:00:00Z");
    expect((await housingSees()).pregnantOrBabyUnder18Months).toBe("yes");
    clock = new Date("2027-01-01T09:00:00Z");
    expect((await housingSees()).pregnantOrBabyUnder18Months).not.toBe("yes");
    expect((await api(chair).overrides.list({ caseId })).find((o) => o.id === id)?.state).toBe("ended");
    expect(await codeOf(api(chair).overrides.revoke({ overrideId: id, reason: "No longer needed." }))).toBe("CONFLICT");
  });

  it("a revoked override stops at once", async () => {
    clock = new Date("2027-01-02T10:00:00Z");
    const { id } = await api(idva).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01" });
    await api(chair).overrides.approve({ overrideId: id });
    expect((await housingSees()).pregnantOrBabyUnder18Months).toBe("yes");
    await api(coordinator).overrides.revoke({ overrideId: id, reason: "The move is done; housing no longer needs it." });
    expect((await housingSees()).pregnantOrBabyUnder18Months).not.toBe("yes");
    const listed = (await api(idva).overrides.list({ caseId })).find((o) => o.id === id);
    expect(listed?.state).toBe("revoked");
    expect(listed?.revokeReason?.text).toContain("The move is done");
    expect(await codeOf(api(chair).overrides.approve({ overrideId: id }))).toBe("CONFLICT");
  });

  it("approving needs an authenticator code from the last 15 minutes", async () => {
    clock = new Date("2027-01-02T12:00:00Z");
    const { id } = await api(idva).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01" });
    const stale = { ...chair, secondFactorAt: new Date(clock.getTime() - 16 * 60_000) };
    const refused = createCaller(createInnerContext({ db: t.db, user: stale, now: () => clock })).overrides.approve({ overrideId: id });
    await expect(refused).rejects.toThrow(/authenticator/);
    expect((await housingSees()).pregnantOrBabyUnder18Months).not.toBe("yes");
    await api(coordinator).overrides.revoke({ overrideId: id, reason: "Not needed after all." });
  });

  it("immigration needs the chair's approval, and then opens even what she asked to keep back", async () => {
    clock = new Date("2027-01-03T10:00:00Z");
    expect((await housingSees()).immigrationStatus).not.toBe("spouse_or_partner_visa");
    const { id } = await api(coordinator).overrides.record({ ...base(), tag: "immigration", endDate: "2027-02-01" });
    expect(await codeOf(api(idva).overrides.approve({ overrideId: id }))).toBe("FORBIDDEN");
    expect((await housingSees()).immigrationStatus).not.toBe("spouse_or_partner_visa");
    await api(chair).overrides.approve({ overrideId: id });
    expect((await housingSees()).immigrationStatus).toBe("spouse_or_partner_visa");
    const listed = (await api(chair).overrides.list({ caseId })).find((o) => o.id === id);
    expect(listed?.victimView).toMatch(/asked for this category not to be shared/);
    await api(chair).overrides.revoke({ overrideId: id, reason: "Done." });
  });

  it("refuses what is not an override, end dates past 12 months, duplicates and bad references", async () => {
    clock = new Date("2027-01-04T10:00:00Z");
    expect(await codeOf(api(idva).overrides.record({ ...base(), tag: "criminal", endDate: "2027-02-01" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api(idva).overrides.record({ ...base(), tag: "health", endDate: "2028-01-05" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api(idva).overrides.record({ ...base(), tag: "health", endDate: "2027-01-03" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api(idva).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01", decisionRef: "  " }))).toBe("BAD_REQUEST");
    expect(await codeOf(api(idva).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01", decisionRef: "<script>" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api(idva).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01", reason: " " }))).toBe("BAD_REQUEST");
    // The Immigration Enforcement form is for Immigration Enforcement only.
    expect(await codeOf(api(idva).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01", immigrationEnforcement: { thirdPartyConsidered: true, safetyConfirmed: true, items: [{ item: "date_of_birth" }] } }))).toBe("BAD_REQUEST");
    const { id } = await api(idva).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01" });
    expect(await codeOf(api(coordinator).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01" }))).toBe("CONFLICT");
    await api(idva).overrides.revoke({ overrideId: id, reason: "Recorded in error." });
    // Nothing a refused attempt changed is listed.
    expect((await api(chair).overrides.list({ caseId })).filter((o) => o.endDate === "2028-01-05")).toEqual([]);
  });

  it("non-holders can neither record nor approve, nor see the queue", async () => {
    clock = new Date("2027-01-05T10:00:00Z");
    const { id } = await api(coordinator).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01" });
    for (const u of [housing, admin]) {
      expect(await codeOf(api(u).overrides.record({ ...base(), tag: "health", endDate: "2027-02-01" }))).toBe("FORBIDDEN");
      expect(await codeOf(api(u).overrides.approve({ overrideId: id }))).toBe("FORBIDDEN");
      expect(await codeOf(api(u).overrides.list())).toBe("FORBIDDEN");
      expect(await codeOf(api(u).overrides.tasks())).toBe("FORBIDDEN");
    }
    expect((await housingSees()).pregnantOrBabyUnder18Months).not.toBe("yes");
    await api(coordinator).overrides.revoke({ overrideId: id, reason: "Test over." });
  });

  it("every override that took effect gives the IDVA a task saying what went, when and why, and appears in the sharing record", async () => {
    clock = new Date("2027-01-06T10:00:00Z");
    const tasks = await api(idva).overrides.tasks();
    // Three took effect above (health twice, immigration once); those revoked before approval did not.
    expect(tasks).toHaveLength(3);
    const task = tasks.find((x) => x.override.tag === "immigration");
    expect(task?.dueDate).toBe("2027-01-10");
    expect(task?.whatWent).toMatch(/immigration information/);
    expect(task?.whatWent).toMatch(/3 January 2027/);
    expect(task?.why.text).toContain("OVERRIDEMARK");
    expect(await codeOf(api(chair).overrides.completeTask({ overrideId: task?.overrideId ?? "", outcome: "told", note: "Told." }))).toBe("FORBIDDEN");
    await api(idva).overrides.completeTask({ overrideId: task?.overrideId ?? "", outcome: "told", note: "Told her at the refuge on Tuesday." });
    const after = (await api(idva).overrides.tasks()).find((x) => x.overrideId === task?.overrideId);
    expect(after?.status).toBe("told");
    expect(after?.note?.text).toContain("refuge");
    expect(await codeOf(api(idva).overrides.completeTask({ overrideId: task?.overrideId ?? "", outcome: "told", note: "Again." }))).toBe("CONFLICT");

    const record = await api(idva).cases.sharingRecord({ caseId });
    expect(record.overrides).toHaveLength(3);
    expect(record.overrides.map((o) => o.state).sort()).toEqual(["ended", "revoked", "revoked"]);
    expect(record.overrides.every((o) => o.plainEnglish.includes(housing.agencyName))).toBe(true);
  });

  it("audits every step without case content", () => {
    const rows = t.db.select().from(auditLog).where(like(auditLog.action, "override.%")).all();
    const tasks = t.db.select().from(auditLog).where(like(auditLog.action, "victim_task.%")).all();
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["override.recorded", "override.approved", "override.revoked"]));
    expect(tasks).toHaveLength(1);
    const text = JSON.stringify([...rows, ...tasks].map((r) => r.details));
    expect(text).not.toMatch(/health|immigration|OVERRIDEMARK|pregnan|refuge|Housing/i);
  });
});

describe("overrides to Immigration Enforcement: a MARAC decision approved by the chair and the IDVA, in the seed's tiers", () => {
  const t = createTestDb();
  const clock = new Date("2026-11-25T10:00:00Z");
  // Each call is made as if the user had just entered an authenticator code (approvals need a fresh one).
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: { ...u, secondFactorAt: clock }, now: () => clock }));
  let coordinator: SessionUser;
  let chair: SessionUser;
  let idva: SessionUser;
  let secondIdva: SessionUser;
  let ie: SessionUser;
  let caseId = "";
  const basic = [{ item: "date_of_birth" as const }, { item: "current_address" as const }, { item: "crime_type" as const }];
  const input = (over: Record<string, unknown> = {}, ieOver: Record<string, unknown> = {}) => ({
    caseId,
    agencyId: ie.agencyId,
    tag: "safe_contact" as const,
    reason: "Sharing her current address lets Immigration Enforcement stop the removal he arranged, which directly improves her safety.",
    decisionRef: "MARAC 26/11/2026 item 5",
    endDate: "2026-12-31",
    immigrationEnforcement: { thirdPartyConsidered: true, safetyConfirmed: true, items: basic, ...ieOver },
    ...over,
  });

  beforeAll(async () => {
    const m = await meetingWithCase(t, clock, { reps: ["housing"], invite: ["housing"], date: "2026-11-26", publish: true });
    ({ coordinator } = m);
    chair = await sessionUserFor(t.db, "chair", "police");
    idva = await sessionUserFor(t.db, "idva", "idva");
    secondIdva = await sessionUserFor(t.db, "idva", "idva");
    ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    const admin = await sessionUserFor(t.db, "admin", "police");
    // A case Immigration Enforcement referred: the only kind it can open at all.
    await api(admin).cases.import({ document: importFile(asReferral(makeSampleCase(), ie.agencyName)) });
    caseId = (await api(ie).cases.list({})).rows[0]?.id ?? "";
    await confirmAllTexts(api(coordinator), caseId);
  });
  afterAll(() => t.cleanup());

  it("refuses the path without the third-party route considered, the safety confirmation, the tiers' records or the decision reference", async () => {
    expect(await codeOf(api(coordinator).overrides.record({ ...input(), immigrationEnforcement: undefined }))).toBe("BAD_REQUEST");
    expect(await codeOf(api(coordinator).overrides.record(input({}, { thirdPartyConsidered: false })))).toBe("BAD_REQUEST");
    expect(await codeOf(api(coordinator).overrides.record(input({}, { safetyConfirmed: false })))).toBe("BAD_REQUEST");
    expect(await codeOf(api(coordinator).overrides.record(input({}, { items: [] })))).toBe("BAD_REQUEST");
    expect(await codeOf(api(coordinator).overrides.record(input({ decisionRef: "" })))).toBe("BAD_REQUEST");
    // An additional item needs her view (or why it was impracticable) and a proportionality note.
    expect(await codeOf(api(coordinator).overrides.record(input({}, { items: [...basic, { item: "allegation_details", proportionality: "Needed to stop the removal." }] })))).toBe("BAD_REQUEST");
    expect(await codeOf(api(coordinator).overrides.record(input({}, { items: [...basic, { item: "allegation_details", view: "impracticable", proportionality: "Needed." }] })))).toBe("BAD_REQUEST");
    expect(await codeOf(api(coordinator).overrides.record(input({}, { items: [...basic, { item: "allegation_details", view: "share" }] })))).toBe("BAD_REQUEST");
    expect(await api(chair).overrides.list({ caseId })).toEqual([]);
  });

  it("takes effect only with both the chair's and an IDVA's approval, neither the recorder's", async () => {
    const { id } = await api(coordinator).overrides.record(input({}, { items: [...basic, { item: "protective_measures", view: "impracticable", viewNote: "She is in hospital and cannot be reached.", proportionality: "Only the order's existence, to stop the removal." }] }));
    const addressBefore = (await api(ie).cases.get({ caseId })).view.victim.address;
    expect(addressBefore).not.toBe("Flat 2, 14 Mill Lane, Northtown NT1 4AB");
    expect(await api(idva).overrides.approve({ overrideId: id })).toEqual({ inEffect: false });
    // A second IDVA is not the chair.
    expect(await codeOf(api(secondIdva).overrides.approve({ overrideId: id }))).toBe("FORBIDDEN");
    expect((await api(ie).cases.get({ caseId })).view.victim.address).toEqual(addressBefore);
    expect(await api(chair).overrides.approve({ overrideId: id })).toEqual({ inEffect: true });
    expect((await api(ie).cases.get({ caseId })).view.victim.address).toBe("Flat 2, 14 Mill Lane, Northtown NT1 4AB");
    // Immigration information still does not reach it through this override.
    expect(JSON.stringify(await api(ie).cases.get({ caseId }))).not.toMatch(/spouse visa|spouse_or_partner_visa/);

    const listed = (await api(idva).overrides.list({ caseId }))[0];
    expect(listed?.items.map((i) => i.item)).toEqual(expect.arrayContaining(["date_of_birth", "current_address", "crime_type", "protective_measures"]));
    expect(listed?.items.find((i) => i.item === "protective_measures")?.viewNote?.text).toContain("hospital");
    const task = (await api(idva).overrides.tasks())[0];
    expect(task?.whatWent).toMatch(/date of birth, current address, type of crime reported, protective measures put in place/);
  });

  it("the chair who records needs an IDVA and another chair; an IDVA recording needs a chair and another IDVA", async () => {
    const { id } = await api(idva).overrides.record(input({ tag: "criminal" }));
    expect(await codeOf(api(idva).overrides.approve({ overrideId: id }))).toBe("FORBIDDEN");
    expect(await api(secondIdva).overrides.approve({ overrideId: id })).toEqual({ inEffect: false });
    expect(await codeOf(api(coordinator).overrides.approve({ overrideId: id }))).toBe("FORBIDDEN");
    expect(await api(chair).overrides.approve({ overrideId: id })).toEqual({ inEffect: true });
  });

  it("the statement for victims and agencies says what the rules say", async () => {
    const statement = await api(ie).overrides.ieStatement();
    const text = JSON.stringify(statement);
    expect(text).toContain("Immigration information is never shared with Immigration Enforcement");
    expect(text).toContain(`${ie.agencyName}: none of the restricted kinds of information`);
    expect(text).toContain("both a MARAC chair and an IDVA");
    expect(text).toContain("90 days");
    expect(text).toContain("12 months");
    expect(text).toMatch(/date of birth, current address, type of crime reported/);
  });
});
