import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { auditLog, disclosures } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { AGENCY_TYPES, type AgencyType } from "~/server/domain/agency-types";
import { DEFAULT_POLICY } from "~/server/domain/policy/default-policy";
import { policyToInput } from "~/server/domain/policy/define-policy";
import { makeMarkerCaseWithTokens, makeSampleCase } from "~/server/domain/testing/fixtures";
import { oracleMaySeeAll } from "~/server/domain/testing/oracle";
import { buildCase } from "~/server/domain/testing/build-case";
import { markerSource } from "~/server/domain/testing/sources";
import type { Tag } from "~/server/domain/tags";
import type { Role } from "~/server/domain/roles";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";
import { asReferral, importFile } from "../helpers/referrals";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

describe("cases: import, list and per-viewer view", () => {
  const t = createTestDb();
  const built = makeMarkerCaseWithTokens("MK");
  let admin: SessionUser;
  let caseId: string;
  const api = (user: SessionUser | null) => createCaller(createInnerContext({ db: t.db, user, now: () => NOW }));

  beforeAll(async () => {
    ensureSettings(t.db, "Test MARAC", NOW, "TS");
    makeAgency(t.db, { name: "Referring Police", type: "police" });
    admin = await sessionUserFor(t.db, "admin", "idva");
    const res = await api(admin).cases.import({ document: importFile(asReferral(built.record, "Referring Police", "accepted"), asReferral(makeSampleCase(), "Referring Police")) });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    // Numbers run per year of referral: NS-2026-0042.
    expect(res.caseNumbers).toEqual([`TS-${built.record.referring.referralDate.slice(0, 4)}-0001`, `TS-${makeSampleCase().referring.referralDate.slice(0, 4)}-0001`]);
    const coordinator = await sessionUserFor(t.db, "coordinator", "police");
    const list = await api(coordinator).cases.list({ q: built.record.victim.name.slice(0, 6) });
    caseId = list.rows[0]?.id ?? "";
  });
  afterAll(() => t.cleanup());

  const viewers: [Role, AgencyType][] = [
    ["chair", "police"],
    ["coordinator", "police"],
    ["idva", "idva"],
    ...AGENCY_TYPES.filter((a) => a !== "immigration_enforcement").map((a): [Role, AgencyType] => ["agency_rep", a]),
  ];

  it.each(viewers)("a %s of %s gets no marker it may not see, through the API response", async (role, agencyType) => {
    const user = await sessionUserFor(t.db, role, agencyType);
    const res = await api(user).cases.get({ caseId });
    const json = JSON.stringify(res);
    const viewer = { userId: user.id, role, agencyId: user.agencyId, agencyType };
    let hidden = 0;
    for (const tok of built.tokens) {
      if (!oracleMaySeeAll(tok.tags, viewer, policyToInput(DEFAULT_POLICY), [], caseId, NOW)) {
        hidden++;
        expect(json, `${tok.path} leaked to ${role}/${agencyType}`).not.toContain(tok.token);
      }
    }
    expect(json).toContain(built.record.victim.name);
    if (role === "agency_rep" && agencyType !== "idva") expect(hidden).toBeGreaterThan(0);
  });

  it("admins cannot open cases at all", async () => {
    await expect(api(admin).cases.get({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(admin).cases.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an Immigration Enforcement user cannot open a case it did not refer, and is told only that it does not exist", async () => {
    const ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    await expect(api(ie).cases.get({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api(ie).cases.list({})).total).toBe(0);
  });

  it("a member agency sees accepted cases and its own referrals only", async () => {
    const housing = await sessionUserFor(t.db, "agency_rep", "housing");
    const list = await api(housing).cases.list({});
    expect(list.rows.map((r) => r.caseNumber)).toEqual([`TS-${built.record.referring.referralDate.slice(0, 4)}-0001`]);
  });

  it("searches by case number, name (any order, any case, partial) and date of birth", async () => {
    const coordinator = await sessionUserFor(t.db, "coordinator", "police");
    const c = api(coordinator);
    expect((await c.cases.list({ q: `ts-${makeSampleCase().referring.referralDate.slice(0, 4)}` })).total).toBe(1);
    expect((await c.cases.list({ q: makeSampleCase().victim.name.toUpperCase() })).total).toBe(1);
    const dob = makeSampleCase().victim.dateOfBirth ?? "";
    expect((await c.cases.list({ q: dob })).total).toBe(1);
    const [y, m, d] = dob.split("-");
    expect((await c.cases.list({ q: `${d}/${m}/${y}` })).total).toBe(1);
    expect((await c.cases.list({ q: "zzzznothing" })).total).toBe(0);
  });

  it("never searches by tagged fields", async () => {
    const coordinator = await sessionUserFor(t.db, "coordinator", "police");
    const childName = built.record.householdMembers[0]?.name ?? "";
    expect((await api(coordinator).cases.list({ q: childName })).total).toBe(0);
  });

  it("logs every view with tags shown and withheld and the policy version", async () => {
    const before = t.db.select().from(disclosures).all().length;
    const housing = await sessionUserFor(t.db, "agency_rep", "housing");
    await api(housing).cases.get({ caseId });
    const rows = t.db.select().from(disclosures).all();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ caseId, agencyType: "housing", surface: "case_api", policyVersion: DEFAULT_POLICY.version, consultation: false, purpose: null, tagsWithheld: ["immigration", "health", "sexuality"] });
    // What the case held of each kind is sealed; the sharing record opens it.
    expect(rows.at(-1)?.tagsShown).toMatch(/^enc:v1:/);
    const idva = await sessionUserFor(t.db, "idva", "idva");
    expect((await api(idva).cases.sharingRecord({ caseId })).entries.find((e) => e.agencyName === housing.agencyName)).toMatchObject({ why: "to read the case through MARAC Desk's data service", tagsShown: ["safe_contact", "criminal", "children"] });
  });

  it("never lets the client write why a case was read into the sharing record", async () => {
    const housing = await sessionUserFor(t.db, "agency_rep", "housing");
    const before = t.db.select().from(disclosures).all().length;
    const forged = "to import the case (automated, not a person)";
    await expect(api(housing).cases.get({ caseId, purpose: forged } as { caseId: string })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(t.db.select().from(disclosures).all().length).toBe(before);
    const idva = await sessionUserFor(t.db, "idva", "idva");
    const rec = await api(idva).cases.sharingRecord({ caseId });
    expect(JSON.stringify(rec)).not.toContain(forged);
    expect(rec.entries.filter((e) => e.agencyType === "housing").map((e) => e.why)).toContain("to read the case through MARAC Desk's data service");
  });

  it("keeps a sharing record in plain English for chair, coordinator and IDVA only", async () => {
    const idva = await sessionUserFor(t.db, "idva", "idva");
    const rec = await api(idva).cases.sharingRecord({ caseId });
    expect(rec.agencies.some((s) => /saw the basic case details/.test(s.plainEnglish))).toBe(true);
    const housing = await sessionUserFor(t.db, "agency_rep", "housing");
    await expect(api(housing).cases.sharingRecord({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("audits the import with case numbers and no case content", () => {
    const entry = t.db.select().from(auditLog).all().find((a) => a.action === "cases.imported");
    expect(entry?.details).toMatchObject({ count: 2 });
    expect(JSON.stringify(entry)).not.toContain(built.record.victim.name);
  });
});

describe("import validation", () => {
  it("reports every problem with its JSON path, and writes nothing", async () => {
    const t = createTestDb();
    try {
      ensureSettings(t.db, "Test MARAC", NOW, "TS");
      makeAgency(t.db, { name: "Referring Police", type: "police" });
      const admin = await sessionUserFor(t.db, "admin", "idva");
      const good = asReferral(makeSampleCase(), "Referring Police");
      const badDate = { ...good, victim: { ...good.victim, dateOfBirth: "31/02/1990" } };
      const noPerp = { ...good, perpetrators: [] };
      const unknownAgency = asReferral(makeSampleCase(), "No Such Agency");
      const api = createCaller(createInnerContext({ db: t.db, user: admin, now: () => NOW }));

      const r1 = await api.cases.import({ document: importFile(good, badDate, noPerp) });
      expect(r1.ok).toBe(false);
      if (r1.ok) return;
      expect(r1.issues).toEqual(
        expect.arrayContaining([
          { path: "$.referrals[1].victim.dateOfBirth", message: expect.stringContaining("yyyy-mm-dd") as unknown },
          { path: "$.referrals[2].perpetrators", message: "Add at least one perpetrator." },
        ]),
      );
      const r2 = await api.cases.import({ document: importFile(good, unknownAgency) });
      expect(r2).toMatchObject({ ok: false, issues: [{ path: "$.referrals[1].referring.agencyName" }] });
      const r3 = await api.cases.import({ document: { format: "csv", referrals: "x" } });
      expect(r3.ok).toBe(false);
      // A misspelt key is an error, not silently dropped data.
      const typo = { ...good, victim: { ...good.victim, phoneSafeToCal: "yes" } };
      const r4 = await api.cases.import({ document: importFile(typo) });
      expect(r4).toMatchObject({ ok: false, issues: [{ path: "$.referrals[0].victim" }] });
      if (!r4.ok) expect(r4.issues[0]?.message).toContain("phoneSafeToCal");

      const coordinator = await sessionUserFor(t.db, "coordinator", "police");
      expect((await createCaller(createInnerContext({ db: t.db, user: coordinator })).cases.list({})).total).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

describe("empty and filled restricted fields look the same", () => {
  it.each([["housing"], ["police"], ["education"], ["by_and_for"]] as const)("to a %s representative, through the API", async (agencyType) => {
    const t = createTestDb();
    try {
      ensureSettings(t.db, "T", NOW, "TS");
      makeAgency(t.db, { name: "Referring Police", type: "police" });
      const admin = await sessionUserFor(t.db, "admin", "idva");
      const viewerUser = await sessionUserFor(t.db, "agency_rep", agencyType);
      const viewer = { userId: viewerUser.id, role: "agency_rep" as const, agencyId: viewerUser.agencyId, agencyType };
      const maySee = (tags: readonly Tag[]) => oracleMaySeeAll(tags, viewer, policyToInput(DEFAULT_POLICY), [], "any", NOW);
      const filled = buildCase(markerSource("TWIN")).record;
      const blanked = buildCase(markerSource("TWIN"), (tags) => !maySee(tags)).record;
      // The Dash score is untagged by design (design.md section 3), so withheld answers keep their
      // values here; that the score can hint at them is recorded in docs/redaction.md.
      const empty = { ...blanked, dash: { ...blanked.dash, answers: filled.dash.answers } };
      const res = await api(admin).cases.import({ document: importFile(asReferral(filled, "Referring Police", "accepted"), asReferral(empty, "Referring Police", "accepted")) });
      if (!res.ok) throw new Error(JSON.stringify(res.issues));
      const rows = (await api(viewerUser).cases.list({})).rows;
      const views = await Promise.all(rows.map((r) => api(viewerUser).cases.get({ caseId: r.id })));
      // The twins are the same person, so the later is a repeat of the earlier, which this agency may
      // open: the repeat facts differ for that reason alone (tests/integration/repeat-visibility.test.ts).
      const withoutRepeatFacts = (criteria: object) => {
        const { repeat: _r, lastMaracReferralDate: _d, lastMaracCaseNumber: _n, ...rest } = criteria as Record<string, unknown>;
        return rest;
      };
      const comparable = (v: (typeof views)[number]) =>
        JSON.stringify({ ...v, caseId: "", caseNumber: "", updatedAt: null, version: 0, view: { ...v.view, caseId: "", caseNumber: "", criteria: withoutRepeatFacts(v.view.criteria) } });
      expect(views).toHaveLength(2);
      expect(comparable(views[0] as (typeof views)[number])).toBe(comparable(views[1] as (typeof views)[number]));
    } finally {
      t.cleanup();
    }
    function api(user: SessionUser) {
      return createCaller(createInnerContext({ db: t.db, user, now: () => NOW }));
    }
  });
});
