import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

describe("case search links a possible repeat, for case holders only", () => {
  const t = createTestDb();
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));
  let housing: SessionUser;
  let coordinator: SessionUser;
  let idva: SessionUser;

  beforeAll(async () => {
    ensureSettings(t.db, "T", NOW, "TS");
    makeAgency(t.db, { name: "Police", type: "police" });
    housing = await sessionUserFor(t.db, "agency_rep", "housing");
    coordinator = await sessionUserFor(t.db, "coordinator", "police");
    idva = await sessionUserFor(t.db, "idva", "idva");
    const admin = await sessionUserFor(t.db, "admin", "idva");
    const earlier = makeSampleCase();
    const victim = { ...earlier.victim, name: "Parveen Akhtar", dateOfBirth: "1996-04-22" };
    await api(admin).cases.import({ document: importFile(asReferral({ ...earlier, victim, referring: { ...earlier.referring, referralDate: "2026-03-20" } }, "Police", "accepted")) });
    // The same woman referred again under another spelling: a possible match, not yet decided.
    const { caseId: _i, caseNumber: _n, referring: _r, ...rest } = makeSampleCase();
    const { id } = await api(housing).referrals.start();
    await api(housing).referrals.save({
      draftId: id,
      version: 1,
      patch: { ...rest, victim: { ...rest.victim, aliases: [], name: "Parveen Akhter", dateOfBirth: "1996-04-22" }, criteria: { professionalJudgement: true, reasons: { text: "Threats to kill.", spans: [] } } },
    });
    const res = await api(housing).referrals.submit({ draftId: id });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
  });
  afterAll(() => t.cleanup());

  it("shows the other spelling's referral beside the one found", async () => {
    for (const holder of [coordinator, idva]) {
      const { rows } = await api(holder).cases.list({ q: "Akhter" });
      const found = rows.find((r) => r.victimName === "Parveen Akhter");
      expect(found?.linked).toEqual([expect.objectContaining({ victimName: "Parveen Akhtar", referralDate: "2026-03-20" })]);
    }
  });

  it("gives an agency nothing of the history, even for its own referral", async () => {
    const { rows } = await api(housing).cases.list({ q: "Akhter" });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.linked).toEqual([]);
  });
});
