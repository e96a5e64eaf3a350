import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { ZReferralImportFile } from "~/server/cases/import-schema";
import { intakeReferral } from "~/server/cases/intake";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { buildCase } from "~/server/domain/testing/build-case";
import { randomSource } from "~/server/domain/testing/sources";
import { planImport, preparePlan, writeImport, type ImportPlan } from "~/server/services/case-import";
import { ensureSettings, getSettings } from "~/server/services/settings";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";

const NOW = new Date("2026-11-28T10:00:00Z");

/**
 * Decision 081: an import is planned and prepared outside the write transaction, so a referral can
 * be saved in between. The write notices and plans again: no case number is used twice, and the
 * new referral is found as an earlier referral of the same victim, as if it had been there first.
 */
describe("an import with a referral saved while it was being prepared", () => {
  const t = createTestDb();
  const cipher = getAppCipher();
  const referral = (seed: number, date: string) => {
    const record = buildCase(randomSource(seed)).record;
    return asReferral({ ...record, referring: { ...record.referring, referralDate: date } }, "Police");
  };
  const planned = (file: unknown): ImportPlan => {
    const p = planImport(t.db, null, file, NOW);
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    return p.plan;
  };
  const saveOne = (r: ReturnType<typeof referral>) => {
    const [parsed] = ZReferralImportFile.parse(importFile(r)).referrals;
    if (!parsed) throw new Error("no referral");
    const agencyId = t.db.$client.prepare("SELECT id FROM agencies").pluck().get() as string;
    return t.db.transaction((tx) => intakeReferral(tx, cipher, parsed, { referringAgencyId: agencyId, createdByUserId: null, now: NOW, settings: getSettings(t.db), criteriaFromSource: true }));
  };

  beforeAll(() => {
    ensureSettings(t.db, "T", NOW, "TS");
    makeAgency(t.db, { name: "Police", type: "police" });
  });
  afterAll(() => t.cleanup());

  it("writes what it prepared when nothing changed in between", () => {
    const plan = planned(importFile(referral(1, "2026-03-01"), referral(2, "2026-03-02")));
    const result = writeImport(t.db, cipher, plan, preparePlan(cipher, plan));
    expect(result).toMatchObject({ ok: true, caseNumbers: ["TS-2026-0001", "TS-2026-0002"], caseIds: plan.cases.map((c) => c.planned.caseId) });
  });

  it("plans again when a referral was saved in between: fresh case numbers, and the repeat found", () => {
    const earlier = referral(10, "2026-04-01");
    const again = referral(11, "2026-05-01");
    again.victim = { ...again.victim, name: earlier.victim.name, dateOfBirth: earlier.victim.dateOfBirth ?? "1990-01-01", aliases: earlier.victim.aliases };
    earlier.victim = { ...earlier.victim, dateOfBirth: again.victim.dateOfBirth };
    const plan = planned(importFile(again, referral(12, "2026-05-02")));
    const prepared = preparePlan(cipher, plan);
    expect(plan.cases.map((c) => c.planned.caseNumber)).toEqual(["TS-2026-0003", "TS-2026-0004"]);

    const saved = saveOne(earlier);
    expect(saved.caseNumber).toBe("TS-2026-0003");

    const result = writeImport(t.db, cipher, plan, prepared);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.caseNumbers).toEqual(["TS-2026-0004", "TS-2026-0005"]);
    const links = t.db.$client.prepare("SELECT earlier_case_id AS earlier, kind FROM case_repeat_links WHERE case_id = ?").all(result.caseIds[0]);
    expect(links).toEqual([{ earlier: saved.caseId, kind: "match" }]);
    expect(t.db.$client.prepare("SELECT last FROM case_number_sequences WHERE year = 2026").pluck().get()).toBe(5);
  });
});
