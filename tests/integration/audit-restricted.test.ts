import { afterAll, describe, expect, it } from "vitest";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { meetingWithCase } from "../helpers/meeting";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
// Words that would tell the admin what kind of restricted information a case holds.
const RESTRICTED = /immigration|asylum|nrpf|pregnan|health|sexual|safe_?contact|address|disability/i;

describe("the admin's audit view", () => {
  const t = createTestDb();
  afterAll(() => t.cleanup());

  it("never names a restricted field, tag or risk factor", async () => {
    const { api, coordinator, meetingId, caseId, rep } = await meetingWithCase(t, NOW, { reps: ["idva"], invite: ["idva"], date: "2026-11-26", publish: true });
    const idva = await sessionUserFor(t.db, "idva", "idva");
    const admin = await sessionUserFor(t.db, "admin", "police");

    // The IDVA records her immigration status and changes her address: both restricted fields.
    const before = await api(idva).cases.forEditing({ caseId });
    const victim = makeSampleCase().victim;
    await api(idva).cases.updateVictim({ caseId, version: before.version, victim: { ...victim, immigrationStatus: victim.immigrationStatus === "settled" ? "asylum_seeker" : "settled", address: "2 Other Road" } });
    await api(idva).cases.addFlag({ caseId, factorId: "immigration_status_abuse", note: "He says she will be deported." });
    await api(idva).cases.addFlag({ caseId, factorId: "pregnancy_or_new_baby", note: "Baby due in March." });
    await api(coordinator).actions.create({ meetingId, caseId, description: "Refer to immigration advice.", tags: ["immigration"], owningAgencyId: rep("idva").agencyId, ownerName: "Ines", dueDate: "2026-12-10" });
    await api(admin).cases.import({ document: importFile(asReferral(makeSampleCase(), "Police")) });
    const referred = (await api(coordinator).cases.list({ status: "referred" })).rows[0]?.id ?? "";
    await api(coordinator).triage.decline({ caseId: referred, reason: "She has an outstanding asylum claim and is NRPF." });

    const audit = await api(admin).admin.audit.list({ page: 1 });
    const updated = audit.rows.find((r) => r.action === "case.updated");
    // The edit is on the record: which case, which version, and how many restricted fields, not which.
    expect(JSON.parse(updated?.details ?? "{}")).toMatchObject({ fieldsChanged: [], restrictedFieldsChanged: 2 });
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["case.updated", "flag.added", "action.created", "referral.declined"]));
    expect(JSON.stringify(audit)).not.toMatch(RESTRICTED);
  });
});
