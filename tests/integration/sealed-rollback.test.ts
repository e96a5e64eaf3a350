import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { caseSealingLegacy, caseVictims, caseNarratives } from "~/db/schema";
import { readCase } from "~/server/cases/case-store";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { DecryptionError, type FieldCipher } from "~/server/crypto/field-cipher";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { updateNarrativeText, updateVictim } from "~/server/services/case-edit";
import { importReferrals } from "~/server/services/case-import";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

/** Sealed case values are bound to the case version (decision 039): an old ciphertext cannot be replayed. */
describe("rollback of sealed case values", () => {
  const t = createTestDb();
  const cipher = getAppCipher();
  let idva: SessionUser;
  let caseId = "";
  const victimData = () => t.db.select().from(caseVictims).where(eq(caseVictims.caseId, caseId)).get()?.data ?? {};
  const setVictimData = (data: Record<string, unknown>) => t.db.update(caseVictims).set({ data }).where(eq(caseVictims.caseId, caseId)).run();

  beforeAll(async () => {
    ensureSettings(t.db, "Test", NOW);
    makeAgency(t.db, { name: "Police", type: "police" });
    idva = await sessionUserFor(t.db, "idva", "idva");
    const res = importReferrals(t.db, cipher, null, importFile(asReferral(makeSampleCase(), "Police")), NOW);
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    caseId = t.db.select().from(caseVictims).get()?.caseId ?? "";
  });
  afterAll(() => t.cleanup());

  it("refuses an older version's sealed value replayed into the newer case", () => {
    const v1 = readCase(t.db, cipher, caseId);
    if (!v1) throw new Error("no case");
    const oldVictim = victimData();
    const oldNarrative = t.db.select().from(caseNarratives).where(eq(caseNarratives.caseId, caseId)).get()?.sealed ?? "";
    updateVictim(t.db, cipher, idva, caseId, v1.meta.version, { ...v1.record.victim, immigrationStatus: "settled" }, NOW);
    updateNarrativeText(t.db, cipher, idva, caseId, 2, `${v1.record.narrative.text} She has moved.`, NOW);
    expect(readCase(t.db, cipher, caseId)?.record.victim.immigrationStatus).toBe("settled");

    // Someone with write access to the database puts back the version-1 ciphertexts.
    const current = victimData();
    setVictimData(oldVictim);
    expect(() => readCase(t.db, cipher, caseId)).toThrow(DecryptionError);
    setVictimData(current);
    const currentNarrative = t.db.select().from(caseNarratives).where(eq(caseNarratives.caseId, caseId)).get()?.sealed ?? "";
    t.db.update(caseNarratives).set({ sealed: oldNarrative }).where(eq(caseNarratives.caseId, caseId)).run();
    expect(() => readCase(t.db, cipher, caseId)).toThrow(DecryptionError);
    t.db.update(caseNarratives).set({ sealed: currentNarrative }).where(eq(caseNarratives.caseId, caseId)).run();
    expect(readCase(t.db, cipher, caseId)?.record.narrative.text).toContain("She has moved.");
  });

  it("opens a case sealed before versions were bound until its next write, which binds it", () => {
    const loaded = readCase(t.db, cipher, caseId);
    if (!loaded) throw new Error("no case");
    // An older release sealed values bound to table, row and field only: the same places without "@vN".
    const olderRelease: FieldCipher = { ...cipher, seal: (text, place) => cipher.seal(text, place.replace(/@v\d+:/, ":")) };
    updateVictim(t.db, olderRelease, idva, caseId, loaded.meta.version, { ...loaded.record.victim, immigrationStatus: "unknown" }, NOW);
    expect(() => readCase(t.db, cipher, caseId)).toThrow(DecryptionError);
    // The migration lists every case that existed before the change.
    t.db.insert(caseSealingLegacy).values({ caseId }).run();
    const legacy = readCase(t.db, cipher, caseId);
    expect(legacy?.record.victim.immigrationStatus).toBe("unknown");
    const legacyVictim = victimData();

    updateVictim(t.db, cipher, idva, caseId, legacy?.meta.version ?? 0, { ...loaded.record.victim, immigrationStatus: "settled" }, NOW);
    expect(t.db.select().from(caseSealingLegacy).all()).toEqual([]);
    expect(readCase(t.db, cipher, caseId)?.record.victim.immigrationStatus).toBe("settled");
    // Once bound, the legacy ciphertext cannot be replayed either.
    setVictimData(legacyVictim);
    expect(() => readCase(t.db, cipher, caseId)).toThrow(DecryptionError);
  });
});
