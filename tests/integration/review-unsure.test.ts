import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { plainText } from "~/server/domain/case/text";
import { detect } from "~/server/domain/detector";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const PLAIN = "He broke the kitchen door on Friday night.";
// The model alone gives this a score in its uncertain band for safe contact (the first test holds that).
const UNSURE = "She has two children at Oakfield Primary.";
const REF = "case~narrative";

/** Decision 054: "Confirm all suggestions" confirms the confident ones; unsure sentences wait for a choice each. */
describe("confirm all leaves the sentences the detector was unsure about", () => {
  const t = createTestDb();
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));
  let idva: SessionUser;
  let housing: SessionUser;
  let caseId = "";
  const narrativeFor = async (u: SessionUser) => JSON.stringify((await api(u).cases.get({ caseId })).view.narrative);
  const sentence = async (text: string) => (await api(idva).review.text({ caseId, ref: REF })).sentences.find((s) => s.sentence === text);

  beforeAll(async () => {
    ensureSettings(t.db, "T", NOW, "TS");
    const admin = await sessionUserFor(t.db, "admin", "idva");
    idva = await sessionUserFor(t.db, "idva", "idva");
    const police = await sessionUserFor(t.db, "agency_rep", "police");
    housing = await sessionUserFor(t.db, "agency_rep", "housing");
    const record = { ...makeSampleCase(), narrative: plainText(`${PLAIN} ${UNSURE}`) };
    await api(admin).cases.import({ document: importFile(asReferral(record, police.agencyName, "accepted")) });
    caseId = (await api(idva).cases.list({})).rows[0]?.id ?? "";
  });
  afterAll(() => t.cleanup());

  it("uses a sentence the detector flags as uncertain, and one it does not flag", () => {
    expect(detect(UNSURE), "pick another sentence in the model's uncertain band").toEqual([expect.objectContaining({ uncertain: true })]);
    expect(detect(PLAIN)).toEqual([]);
  });

  it("confirms the sure sentence and leaves the unsure one unreviewed and withheld", async () => {
    expect((await sentence(UNSURE))?.suggestions.map((s) => s.uncertain)).toEqual([true]);
    const { version } = await api(idva).review.text({ caseId, ref: REF });
    const after = await api(idva).review.confirmAll({ caseId, ref: REF, version });
    expect(after.unreviewed).toBe(1);
    expect((await sentence(PLAIN))?.reviewed).toBe(true);
    expect((await sentence(UNSURE))?.reviewed).toBe(false);
    const shown = await narrativeFor(housing);
    expect(shown).toContain(PLAIN);
    expect(shown).not.toContain(UNSURE);
  });

  it("refuses confirm all when only unsure sentences are left, and changes nothing", async () => {
    const before = await api(idva).review.text({ caseId, ref: REF });
    const refused = api(idva).review.confirmAll({ caseId, ref: REF, version: before.version });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(refused).rejects.toThrow(/unsure about every sentence left/);
    expect((await api(idva).review.text({ caseId, ref: REF })).version).toBe(before.version);
  });

  it("shares the unsure sentence once a holder chooses no tag for it", async () => {
    const { version } = await api(idva).review.text({ caseId, ref: REF });
    const unsure = await sentence(UNSURE);
    await api(idva).review.review({ caseId, ref: REF, version, decisions: [{ digest: unsure?.digest ?? "", action: "no_tag" }] });
    expect(await narrativeFor(housing)).toContain(UNSURE);
  });
});
