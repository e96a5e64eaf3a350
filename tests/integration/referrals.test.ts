import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { auditLog, referralDrafts } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

/** The sample case as draft content: what the form pages would have saved. */
function draftContent(overrides: Record<string, unknown> = {}) {
  const { caseId: _i, caseNumber: _n, referring: _r, ...rest } = makeSampleCase();
  return { ...rest, ...overrides };
}

describe("referral intake: drafts, submit, repeats, triage and flags", () => {
  const t = createTestDb();
  let rep: SessionUser;
  let coordinator: SessionUser;
  let idva: SessionUser;
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));

  beforeAll(async () => {
    ensureSettings(t.db, "T", NOW, "TS");
    makeAgency(t.db, { name: "Police", type: "police" });
    rep = await sessionUserFor(t.db, "agency_rep", "housing");
    coordinator = await sessionUserFor(t.db, "coordinator", "police");
    idva = await sessionUserFor(t.db, "idva", "idva");
    // An earlier referral of the same victim, eight months before, for repeat detection.
    const admin = await sessionUserFor(t.db, "admin", "idva");
    const earlier = makeSampleCase();
    await api(admin).cases.import({ document: importFile(asReferral({ ...earlier, referring: { ...earlier.referring, referralDate: "2026-03-20" } }, "Police", "accepted")) });
  });
  afterAll(() => t.cleanup());

  it("keeps a draft private to its author (and their agency's coordinators), and sealed at rest", async () => {
    const { id } = await api(rep).referrals.start();
    const d = await api(rep).referrals.draft({ draftId: id });
    await api(rep).referrals.save({ draftId: id, version: d.version, patch: { victim: { name: "Sealed Draftname" } } });
    await expect(api(coordinator).referrals.draft({ draftId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(JSON.stringify(t.db.select().from(referralDrafts).all())).not.toContain("Sealed Draftname");
    await expect(api(rep).referrals.save({ draftId: id, version: d.version, patch: {} })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a referral meeting no criterion without professional judgement and reasons, keeping the draft", async () => {
    const { id } = await api(rep).referrals.start();
    const content = draftContent({
      victim: { ...makeSampleCase().victim, name: "Nobody Earlier", dateOfBirth: "1981-05-05" },
      dash: { answers: {} },
      criteria: { professionalJudgement: false, policeIncidentsLast12Months: 0 },
    });
    await api(rep).referrals.save({ draftId: id, version: 1, patch: content });
    const criteria = await api(rep).referrals.criteria({ draftId: id });
    expect(criteria.canSubmit).toBe(false);
    expect(criteria.message).toMatch(/professional judgement/i);
    const res = await api(rep).referrals.submit({ draftId: id });
    expect(res.ok).toBe(false);
    expect(await api(rep).referrals.draft({ draftId: id })).toMatchObject({ id });
  });

  it("submits a complete referral: scored, repeat found, criteria kept with the thresholds used, in the triage queue", async () => {
    const { id } = await api(rep).referrals.start();
    await api(rep).referrals.save({ draftId: id, version: 1, patch: draftContent({ criteria: { professionalJudgement: true, reasons: { text: "Escalating stalking.", spans: [] }, policeIncidentsLast12Months: 4 } }) });
    const res = await api(rep).referrals.submit({ draftId: id });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    await expect(api(rep).referrals.draft({ draftId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const queue = await api(coordinator).triage.queue();
    const row = queue.find((q) => q.id === res.caseId);
    expect(row).toMatchObject({ isRepeat: true, criteria: { repeat: true, potentialEscalation: true, professionalJudgement: true } });
    const repeats = await api(rep).cases.repeats({ caseId: res.caseId });
    expect(repeats[0]).toMatchObject({ kind: "match", status: "confirmed", referralDate: "2026-03-20" });
    const view = await api(rep).cases.get({ caseId: res.caseId });
    expect((view.view.referring as unknown as { agencyName: string; officerName: string }).officerName).toBe(rep.name);
  });

  it("accepts and declines from triage, with the reason shown to the referring agency", async () => {
    const make = async () => {
      const { id } = await api(rep).referrals.start();
      await api(rep).referrals.save({
        draftId: id,
        version: 1,
        patch: draftContent({
          victim: { ...makeSampleCase().victim, name: `Other Person ${id.slice(0, 4)}`, dateOfBirth: "1970-01-01" },
          criteria: { professionalJudgement: true, reasons: { text: "Recent separation and threats.", spans: [] } },
        }),
      });
      const r = await api(rep).referrals.submit({ draftId: id });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.caseId;
    };
    const a = await make();
    const b = await make();
    await api(coordinator).triage.accept({ caseId: a });
    await expect(api(coordinator).triage.accept({ caseId: a })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(api(coordinator).triage.decline({ caseId: b, reason: "no" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await api(coordinator).triage.decline({ caseId: b, reason: "Lives outside the Northshire MARAC area: referred on to Southshire." });
    // The reason reaches the referring agency once a case holder has reviewed it.
    expect((await api(rep).cases.declineReason({ caseId: b }))?.text).not.toContain("Southshire");
    await confirmAllTexts(api(coordinator), b);
    expect((await api(rep).cases.declineReason({ caseId: b }))?.text).toContain("Southshire");
    await expect(api(rep).triage.queue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const actions = t.db.select().from(auditLog).all().map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["referral.submitted", "referral.accepted", "referral.declined"]));
  });

  it("shows risk-factor flags only to viewers who may see their tags, and keeps a withdrawn flag with its reason", async () => {
    const caseId = (await api(coordinator).cases.list({})).rows[0]?.id ?? "";
    await api(idva).cases.addFlag({ caseId, factorId: "immigration_status_abuse", note: "He says he will have her deported." });
    const { id: strangulation } = await api(idva).cases.addFlag({ caseId, factorId: "non_fatal_strangulation", note: "Strangled her on 3 November." });
    await expect(api(rep).cases.addFlag({ caseId, factorId: "stalking", note: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(idva).cases.addFlag({ caseId, factorId: "made_up", note: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const housing = await api(rep).cases.flags({ caseId });
    expect(housing.map((f) => f.factorId)).toEqual(["non_fatal_strangulation"]);
    expect(JSON.stringify(housing)).not.toMatch(/deported|immigration_status_abuse/);
    expect((await api(idva).cases.flags({ caseId })).map((f) => f.factorId)).toEqual(["immigration_status_abuse", "non_fatal_strangulation"]);

    await api(idva).cases.withdrawFlag({ flagId: strangulation, reason: "Entered on the wrong case by mistake." });
    const after = await api(coordinator).cases.flags({ caseId });
    expect(after.find((f) => f.id === strangulation)?.withdrawn).toMatchObject({ reason: { text: "Entered on the wrong case by mistake." } });
    expect((await api(rep).cases.flags({ caseId })).find((f) => f.id === strangulation)?.withdrawn?.reason).toBeNull();
    // Admins read the audit log but see no case content: which risk was flagged is not in it.
    const audit = JSON.stringify(t.db.select().from(auditLog).all().filter((r) => r.action.startsWith("flag.")));
    expect(audit).not.toMatch(/immigration|strangulation|deported/);
  });
});
