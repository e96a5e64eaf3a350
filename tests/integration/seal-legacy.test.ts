import { afterAll, describe, expect, it } from "vitest";
import { PLACES } from "~/server/cases/sealed-values";
import { sealLegacyValues } from "~/server/cases/seal-legacy";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { isSealed } from "~/server/crypto/field-cipher";
import { meetingWithCase } from "../helpers/meeting";
import { confirmAllTexts } from "../helpers/review";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const MARK = "She has an outstanding asylum claim and is NRPF.";

describe("sealing rows written before restricted facts were sealed", () => {
  const t = createTestDb();
  afterAll(() => t.cleanup());
  const cipher = getAppCipher();
  const sql = (q: string, ...args: unknown[]) => t.db.$client.prepare(q).run(...args);
  const column = (table: string, col: string) => (t.db.$client.prepare(`SELECT "${col}" AS v FROM "${table}" WHERE "${col}" IS NOT NULL`).all() as { v: string }[]).map((r) => r.v);

  it("seals every legacy value once, keeps it readable, and leaves the disclosure log otherwise append-only", async () => {
    const { api, coordinator, meetingId, caseId, rep } = await meetingWithCase(t, NOW, { reps: ["housing"], invite: ["housing"], date: "2026-11-26", publish: true });
    const housing = rep("housing");
    const idva = await sessionUserFor(t.db, "idva", "idva");
    const { id: flag } = await api(idva).cases.addFlag({ caseId, factorId: "stalking", note: "He follows her." });
    await api(idva).cases.withdrawFlag({ flagId: flag, reason: "Entered on the wrong case." });
    const { id: action } = await api(coordinator).actions.create({ meetingId, caseId, description: "Fit a door chain.", tags: [], owningAgencyId: housing.agencyId, ownerName: "Hannah", dueDate: "2026-12-10" });

    const { id: override } = await api(coordinator).overrides.record({ caseId, agencyId: housing.agencyId, tag: "immigration", reason: "Housing must know to place her safely.", decisionRef: "MARAC 26/11/2026 item 1", endDate: "2027-01-31" });

    // Rows as the old code wrote them: plaintext facts, reasons and notes sealed as plain strings.
    sql("UPDATE case_risk_flags SET factor_id = 'immigration_status_abuse', withdraw_reason_sealed = ? WHERE id = ?", cipher.seal(`Wrong case. ${MARK}`, PLACES.flagWithdrawReason(flag)), flag);
    sql("UPDATE meeting_actions SET tags = '[\"criminal\"]', status_note_sealed = ? WHERE id = ?", cipher.seal(`Chased. ${MARK}`, PLACES.actionStatusNote(action)), action);
    sql("UPDATE cases SET decline_reason_sealed = ? WHERE id = ?", cipher.seal(`Out of area. ${MARK}`, PLACES.declineReason(caseId)), caseId);
    sql("INSERT INTO case_revisions (case_id, version, at, user_id, changed_paths) VALUES (?, 99, 0, NULL, '[\"victim.immigrationStatus\"]')", caseId);
    sql("INSERT INTO case_suggestion_removals (case_id, path, sentence_digest, tag, reason_sealed, user_id, at) VALUES (?, 'narrative', 'd', 'immigration', 'x', ?, 0)", caseId, idva.id);
    const removal = (t.db.$client.prepare("SELECT max(id) AS id FROM case_suggestion_removals").get() as { id: number }).id;
    sql("UPDATE case_suggestion_removals SET reason_sealed = ? WHERE id = ?", cipher.seal(`Shared by her. ${MARK}`, PLACES.removalReason(removal)), removal);
    sql(
      "INSERT INTO disclosures (at, case_id, user_id, user_name, role, agency_id, agency_name, agency_type, surface, tags_shown, tags_withheld, policy_version, purpose, consultation) VALUES (0, ?, ?, 'I', 'idva', ?, 'IDVA', 'idva', 'case_api', '[\"immigration\"]', '[]', 1, ?, 0)",
      caseId, idva.id, idva.agencyId, `research ${MARK}`,
    );

    sql("UPDATE case_overrides SET tag = 'immigration' WHERE id = ?", override);
    expect(sealLegacyValues(t.db, cipher)).toBe(11);
    expect(sealLegacyValues(t.db, cipher)).toBe(0);
    for (const [table, col] of [["case_risk_flags", "factor_id"], ["meeting_actions", "tags"], ["case_revisions", "changed_paths"], ["case_suggestion_removals", "tag"], ["disclosures", "tags_shown"], ["disclosures", "purpose"], ["case_overrides", "tag"]] as const) {
      for (const v of column(table, col)) expect(isSealed(v), `${table}.${col}`).toBe(true);
    }

    // Readable through the services, and through the projection: housing gets no marker.
    expect((await api(coordinator).cases.flags({ caseId }))[0]).toMatchObject({ factorId: "immigration_status_abuse", withdrawn: { reason: { text: `Wrong case. ${MARK}` } } });
    expect((await api(coordinator).cases.removals({ caseId }))[0]).toMatchObject({ tag: "immigration", reason: { text: `Shared by her. ${MARK}` } });
    expect((await api(idva).cases.sharingRecord({ caseId })).entries.find((e) => e.agencyName === "IDVA")).toMatchObject({ tagsShown: ["immigration"], why: `research ${MARK}` });
    expect((await api(coordinator).overrides.list({ caseId }))[0]).toMatchObject({ id: override, tag: "immigration", state: "pending" });
    // Re-sealed reasons and notes start unreviewed: the referring agency reads them once a holder has.
    expect((await api(housing).cases.declineReason({ caseId }))?.text).toBe("");
    await confirmAllTexts(api(coordinator), caseId);
    expect(JSON.stringify(await api(housing).actions.mine())).not.toMatch(/asylum|NRPF/);
    expect((await api(housing).actions.mine())[0]?.statusNote?.text).toBe("Chased.");
    expect((await api(housing).cases.declineReason({ caseId }))?.text).toBe("Out of area.");

    // Once sealed, a disclosure row cannot be changed again; nor can anything else in it.
    expect(() => sql("UPDATE disclosures SET tags_shown = '[]'")).toThrow(/append-only/);
    expect(() => sql("UPDATE disclosures SET agency_name = 'x'")).toThrow(/append-only/);
    expect(() => sql("DELETE FROM disclosures")).toThrow(/append-only/);
  });
});
