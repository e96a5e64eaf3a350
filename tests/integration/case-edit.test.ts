import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { auditLog, caseSuggestionRemovals } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { ConflictError } from "~/server/errors";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const IMM = "Her leave to remain depends on his sponsorship.";

/** A full-access view back into record input: drop the projection's `notice` on each text. */
function withoutNotices(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNotices);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "notice").map(([k, v]) => [k, withoutNotices(v)]));
  }
  return value;
}

describe("editing a case", () => {
  const t = createTestDb();
  let idva: SessionUser;
  let coordinator: SessionUser;
  let caseId = "";
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u }));

  beforeAll(async () => {
    ensureSettings(t.db, "T", new Date(), "TS");
    makeAgency(t.db, { name: "Police", type: "police" });
    const admin = await sessionUserFor(t.db, "admin", "idva");
    const sample = makeSampleCase();
    const res = await api(admin).cases.import({ document: importFile(asReferral({ ...sample, narrative: { text: "He kicked the door in.", spans: [] } }, "Police", "accepted")) });
    if (!res.ok) throw new Error("import failed");
    idva = await sessionUserFor(t.db, "idva", "idva");
    coordinator = await sessionUserFor(t.db, "coordinator", "police");
    caseId = (await api(idva).cases.list({})).rows[0]?.id ?? "";
  });
  afterAll(() => t.cleanup());

  it("detects a concurrent edit, names what changed without values, and keeps the first save", async () => {
    const base = await api(idva).cases.get({ caseId });
    const victim = withoutNotices(base.view.victim) as Parameters<ReturnType<typeof api>["cases"]["updateVictim"]>[0]["victim"];
    const first = await api(coordinator).cases.updateVictim({ caseId, version: base.version, victim: { ...victim, address: "1 Secret Lane" } });
    expect(first).toEqual({ version: base.version + 1, changed: ["victim.address"] });
    const err = await api(idva).cases.updateVictim({ caseId, version: base.version, victim: { ...victim, phone: "07700 900123" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    const conflict = err as ConflictError;
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.changedFields).toEqual(["Victim: Address"]);
    expect(conflict.currentVersion).toBe(base.version + 1);
    expect(conflict.message).not.toContain("Secret Lane");
    const now = await api(idva).cases.get({ caseId });
    expect((now.view.victim as unknown as { address: string }).address).toBe("1 Secret Lane");
    // Saving again on the current version is a deliberate choice, and keeps both edits' fields.
    await api(idva).cases.updateVictim({ caseId, version: now.version, victim: { ...victim, address: "1 Secret Lane", phone: "07700 900123" } });
  });

  it("audits changed field names, never restricted values", () => {
    const rows = t.db.select().from(auditLog).all().filter((r) => r.action === "case.updated");
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/Secret Lane|07700/);
    // The address is tagged safe_contact: counted, never named.
    expect(rows[0]?.details).toMatchObject({ fieldsChanged: [], restrictedFieldsChanged: 1 });
    expect(JSON.stringify(rows)).not.toMatch(/address|phone/i);
  });

  it("suggests tags when the narrative is edited, and removes a suggestion only with a reason", async () => {
    const v = (await api(idva).cases.get({ caseId })).version;
    const saved = await api(idva).cases.updateNarrative({ caseId, version: v, text: `He kicked the door in. ${IMM}` });
    const view = await api(idva).cases.get({ caseId });
    const narrative = view.view.narrative as unknown as { text: string; spans: { start: number; end: number; tags: string[]; source: string }[] };
    const span = narrative.spans.find((s) => s.tags.includes("immigration"));
    if (!span) throw new Error("expected an immigration suggestion");
    expect(narrative.text.slice(span.start, span.end)).toBe(IMM);

    await expect(api(idva).cases.removeSuggestion({ caseId, version: saved.version, start: span.start, end: span.end, tag: "immigration", reason: "no" })).rejects.toBeInstanceOf(TRPCError);
    await api(idva).cases.removeSuggestion({ caseId, version: saved.version, start: span.start, end: span.end, tag: "immigration", reason: "This is about her work visa history, already shared by her." });
    const after = await api(idva).cases.get({ caseId });
    expect((after.view.narrative as unknown as { spans: unknown[] }).spans).toEqual([]);

    // Editing the text again does not bring the removed suggestion back for that sentence.
    await api(idva).cases.updateNarrative({ caseId, version: after.version, text: `${IMM} He kicked the door in.` });
    const again = await api(idva).cases.get({ caseId });
    expect((again.view.narrative as unknown as { spans: unknown[] }).spans).toEqual([]);

    const removals = await api(coordinator).cases.removals({ caseId });
    expect(removals).toMatchObject([{ tag: "immigration", reason: { text: "This is about her work visa history, already shared by her." }, userName: idva.name }]);
    const raw = JSON.stringify(t.db.select().from(caseSuggestionRemovals).all());
    expect(raw).not.toContain("work visa");
    const audit = t.db.select().from(auditLog).all().filter((r) => r.action === "case.suggestion_removed");
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/visa|immigration/);
  });

  it("lets the author tag a sentence by hand", async () => {
    const v = await api(idva).cases.get({ caseId });
    await api(idva).cases.tagSentence({ caseId, version: v.version, start: 0, end: IMM.length, tag: "health" });
    const after = await api(idva).cases.get({ caseId });
    expect((after.view.narrative as unknown as { spans: unknown[] }).spans).toEqual([{ start: 0, end: IMM.length, tags: ["health"], source: "manual" }]);
  });

  it("refuses edits from agency representatives", async () => {
    const housing = await sessionUserFor(t.db, "agency_rep", "housing");
    const v = await api(idva).cases.get({ caseId });
    await expect(api(housing).cases.updateNarrative({ caseId, version: v.version, text: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("a general save cannot drop sentence tags", () => {
  it("keeps stored tags of unchanged text even if the input sends none", async () => {
    const t = createTestDb();
    try {
      ensureSettings(t.db, "T", new Date(), "TS");
      makeAgency(t.db, { name: "Police", type: "police" });
      const admin = await sessionUserFor(t.db, "admin", "idva");
      const s = makeSampleCase();
      const needs = "Perpetrator threatens to have her deported.";
      await createCaller(createInnerContext({ db: t.db, user: admin })).cases.import({ document: importFile(asReferral({ ...s, victim: { ...s.victim, immigrationNeeds: { text: needs, spans: [] } } }, "Police")) });
      const idva = await sessionUserFor(t.db, "idva", "idva");
      const api = createCaller(createInnerContext({ db: t.db, user: idva }));
      const id = (await api.cases.list({})).rows[0]?.id ?? "";
      const view = await api.cases.get({ caseId: id });
      const victim = withoutNotices(view.view.victim) as Parameters<typeof api.cases.updateVictim>[0]["victim"];
      await api.cases.updateVictim({ caseId: id, version: view.version, victim: { ...victim, immigrationNeeds: { text: needs, spans: [] }, phone: "07700 900999" } });
      const after = await api.cases.get({ caseId: id });
      const spans = (after.view.victim as unknown as { immigrationNeeds: { spans: { tags: string[] }[] } }).immigrationNeeds.spans;
      expect(spans.some((x) => x.tags.includes("immigration"))).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});
