import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "~/db/backup";
import { makeAgency } from "~/db/factories";
import { caseVictims } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { readCase } from "~/server/cases/case-store";
import { ENCRYPTED_TAGS } from "~/server/cases/sealing";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { createFieldCipher, DecryptionError } from "~/server/crypto/field-cipher";
import { makeMarkerCaseWithTokens } from "~/server/domain/testing/fixtures";
import { importReferrals } from "~/server/services/case-import";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";
import { asReferral, importFile } from "../helpers/referrals";
import { sessionUserFor } from "../helpers/users";

/**
 * Restricted facts kept beside the case record (issue 5): a risk factor's id, an action's tags, the
 * tags a disclosure showed, a removed suggestion's tag and the paths a revision changed. Each says
 * what kind of information the case holds, so none may appear in the raw files.
 */
const RESTRICTED_FACTS = ["immigration_status_abuse", "pregnancy_or_new_baby", "victim.immigrationStatus", '["immigration"', '"immigration",', '"health"]'];

describe("encryption at rest", () => {
  const t = createTestDb();
  const built = makeMarkerCaseWithTokens("ATREST");
  const backup = join(dirname(t.file), "backup.db");
  let caseId = "";

  beforeAll(async () => {
    ensureSettings(t.db, "Test", new Date());
    makeAgency(t.db, { name: "Police", type: "police" });
    const res = importReferrals(t.db, getAppCipher(), null, importFile(asReferral(built.record, "Police")), new Date());
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    caseId = t.db.select().from(caseVictims).get()?.caseId ?? "";
    await writeRestrictedFacts(caseId);
    await backupDatabase(t.db, backup);
  });
  afterAll(() => t.cleanup());

  /** Flags, an action, a victim edit, a removed suggestion and a view, by those who see every tag. */
  async function writeRestrictedFacts(id: string) {
    const now = new Date("2026-11-28T10:00:00Z");
    const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => now }));
    const idva = await sessionUserFor(t.db, "idva", "idva");
    const chair = await sessionUserFor(t.db, "chair", "police");
    await api(idva).cases.addFlag({ caseId: id, factorId: "immigration_status_abuse", note: "He threatens to have her removed." });
    await api(idva).cases.addFlag({ caseId: id, factorId: "pregnancy_or_new_baby", note: "Baby due in March." });
    await api(chair).triage.accept({ caseId: id });
    const { id: meetingId } = await api(chair).meetings.create({ date: "2026-11-26", time: "09:30", venue: "Room", online: false, chairUserId: chair.id, invitedAgencyIds: [idva.agencyId] });
    await api(chair).meetings.addCase({ meetingId, caseId: id });
    await api(chair).actions.create({ meetingId, caseId: id, description: "Book a solicitor.", tags: ["immigration", "health"], owningAgencyId: idva.agencyId, ownerName: "Ines", dueDate: "2026-12-10" });
    const before = await api(idva).cases.forEditing({ caseId: id });
    const victim = built.record.victim;
    const saved = await api(idva).cases.updateVictim({ caseId: id, version: before.version, victim: { ...victim, immigrationStatus: victim.immigrationStatus === "settled" ? "asylum_seeker" : "settled" } });
    const edited = await api(idva).cases.updateNarrative({ caseId: id, version: saved.version, text: `${built.record.narrative.text} Her leave to remain depends on his sponsorship.` });
    const narrative = (await api(idva).cases.forEditing({ caseId: id })).view.narrative as unknown as { spans: { start: number; end: number; tags: string[]; source: string }[] };
    const span = narrative.spans.findLast((sp) => sp.source === "detector" && sp.tags.includes("immigration"));
    if (!span) throw new Error("expected an immigration suggestion");
    await api(idva).cases.removeSuggestion({ caseId: id, version: edited.version, start: span.start, end: span.end, tag: "immigration", reason: "Already shared by her with every agency." });
  }

  // Free text is sealed whole, so every sentence token counts, whatever its tags.
  const secret = () => built.tokens.filter((tok) => tok.path.includes("#") || tok.tags.some((tag) => ENCRYPTED_TAGS.has(tag)));

  it("has secret markers to look for", () => {
    expect(secret().length).toBeGreaterThan(20);
  });

  it.each(["database", "wal", "backup"])("no secret marker appears in the raw %s file", (which) => {
    const file = which === "database" ? t.file : which === "wal" ? `${t.file}-wal` : backup;
    expect(existsSync(file)).toBe(true);
    const raw = readFileSync(file).toString("latin1");
    expect(raw.length).toBeGreaterThan(0);
    for (const tok of secret()) expect(raw, `${tok.path} in ${which}`).not.toContain(tok.token);
    for (const fact of RESTRICTED_FACTS) expect(raw, `${fact} in ${which}`).not.toContain(fact);
    // Untagged names stay searchable in clear: the test would notice if nothing was written at all.
    const all = readFileSync(t.file).toString("latin1") + readFileSync(`${t.file}-wal`).toString("latin1");
    expect(all).toContain(built.record.victim.name);
  });

  it("reads the case back whole", () => {
    const loaded = readCase(t.db, getAppCipher(), caseId);
    expect(loaded?.record.victim.address).toBe(built.record.victim.address);
    expect(loaded?.record.narrative.text.startsWith(built.record.narrative.text)).toBe(true);
  });

  it("refuses a value moved to another row, and a wrong key", () => {
    const cipher = getAppCipher();
    const sealed = cipher.seal("secret", "case_victims:a:address");
    expect(() => cipher.open(sealed, "case_victims:b:address")).toThrow(DecryptionError);
    expect(() => cipher.open(sealed, "case_victims:a:phone")).toThrow(DecryptionError);
    expect(() => createFieldCipher(Buffer.alloc(32, 1)).open(sealed, "case_victims:a:address")).toThrow(DecryptionError);
    expect(cipher.open(sealed, "case_victims:a:address")).toBe("secret");
    expect(cipher.seal("secret", "x")).not.toBe(cipher.seal("secret", "x"));
  });

  it("gives every value its own nonce, across the draws nonces are taken from (decision 078)", () => {
    const cipher = createFieldCipher(Buffer.alloc(32, 3));
    const sealed = Array.from({ length: 2_000 }, (_, i) => cipher.seal(`value ${i}`, `t:${i}:f`));
    expect(new Set(sealed.map((s) => s.slice("enc:v1:".length).split(".")[0])).size).toBe(2_000);
    sealed.forEach((s, i) => expect(cipher.open(s, `t:${i}:f`)).toBe(`value ${i}`));
  });
});
