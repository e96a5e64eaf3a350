import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db/client";
import { makeAgency } from "~/db/factories";
import { agencies, caseNameTokens, caseRepeatLinks, cases, users } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { readCase } from "~/server/cases/case-store";
import { ZReferralImportFile } from "~/server/cases/import-schema";
import { intakeReferral, referralToCase } from "~/server/cases/intake";
import { verifySealedValues } from "~/server/cases/verify-sealed";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { caseRecordSchema } from "~/server/domain/case/schema";
import { buildCase } from "~/server/domain/testing/build-case";
import { randomSource } from "~/server/domain/testing/sources";
import { importReferrals } from "~/server/services/case-import";
import { ensureSettings, getSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { asReferral, importFile } from "../helpers/referrals";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

/**
 * Generated referrals, every field filled at random, dated over two years (two case-number years),
 * with some victims referred again later (repeat links, found within the same file).
 */
function referrals() {
  const out = Array.from({ length: 60 }, (_, i) => {
    const record = buildCase(randomSource(7_000 + i)).record;
    return asReferral({ ...record, referring: { ...record.referring, referralDate: `${2025 + (i % 2)}-${String(1 + (i % 12)).padStart(2, "0")}-1${i % 10}` } }, "Police", i % 5 === 0 ? "accepted" : "referred");
  });
  for (let i = 0; i < 8; i += 1) {
    const earlier = out[i * 3];
    const again = out[40 + i];
    if (earlier && again) again.victim = { ...again.victim, name: earlier.victim.name, dateOfBirth: earlier.victim.dateOfBirth, aliases: earlier.victim.aliases };
  }
  return out;
}

function freshDb() {
  const t = createTestDb();
  ensureSettings(t.db, "T", NOW, "TS");
  makeAgency(t.db, { name: "Police", type: "police" });
  return t;
}

/** What a case reads as, without the ids that are random per run: every sealed value opened. */
function caseAsRead(db: Db, caseId: string, numberOf: (id: string) => string) {
  const read = readCase(db, getAppCipher(), caseId);
  if (!read) throw new Error(`no case ${caseId}`);
  const { caseId: _id, ...record } = read.record;
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  const { id: _rowId, data: _data, ...plain } = row ?? {};
  const links = db.select().from(caseRepeatLinks).where(eq(caseRepeatLinks.caseId, caseId)).all().map(({ caseId: _c, earlierCaseId, id: _i, ...l }) => ({ ...l, earlier: numberOf(earlierCaseId) }));
  const tokens = db.select({ token: caseNameTokens.token, party: caseNameTokens.party }).from(caseNameTokens).where(eq(caseNameTokens.caseId, caseId)).orderBy(asc(caseNameTokens.party), asc(caseNameTokens.token)).all();
  return withoutIds(db, { record, meta: read.meta, plain, links, tokens }, [caseId]);
}

/** `value` with this database's random ids (the case's, agencies', users') replaced by placeholders. */
function withoutIds(db: Db, value: unknown, caseIds: string[]): unknown {
  let json = JSON.stringify(value);
  for (const id of caseIds) json = json.replaceAll(id, "CASE");
  for (const a of db.select({ id: agencies.id, name: agencies.name }).from(agencies).all()) json = json.replaceAll(a.id, `AGENCY ${a.name === "Police" ? "Police" : "other"}`);
  for (const u of db.select({ id: users.id }).from(users).all()) json = json.replaceAll(u.id, "USER");
  return JSON.parse(json) as unknown;
}

describe("the import stores each case exactly as the one-by-one intake does (issue #14 §4, decision 078)", () => {
  const imported = freshDb();
  const oneByOne = freshDb();
  const file = importFile(...referrals());
  let importedIds: string[] = [];
  let oneByOneIds: string[] = [];
  let coordinators: Map<Db, SessionUser>;
  afterAll(() => {
    imported.cleanup();
    oneByOne.cleanup();
  });

  beforeAll(async () => {
    const result = importReferrals(imported.db, getAppCipher(), null, file, NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    importedIds = result.caseIds;

    // The per-record path: each referral through intakeReferral, oldest first, as the import orders them.
    const parsed = ZReferralImportFile.parse(file);
    const agencyId = oneByOne.db.$client.prepare("SELECT id FROM agencies").pluck().get() as string;
    const settings = getSettings(oneByOne.db);
    const order = parsed.referrals.map((r, i) => ({ r, i })).sort((a, b) => a.r.referring.referralDate.localeCompare(b.r.referring.referralDate) || a.i - b.i);
    oneByOneIds = new Array<string>(order.length);
    oneByOne.db.transaction((tx) => {
      for (const { r, i } of order) oneByOneIds[i] = intakeReferral(tx, getAppCipher(), r, { referringAgencyId: agencyId, createdByUserId: null, now: NOW, settings, criteriaFromSource: true }).caseId;
    });
    coordinators = new Map([
      [imported.db, await sessionUserFor(imported.db, "coordinator", "police")],
      [oneByOne.db, await sessionUserFor(oneByOne.db, "coordinator", "police")],
    ]);
  });

  it("every case, its repeat links and its name tokens read the same, and every sealed value opens", () => {
    const numbersIn = (db: Db) => new Map(db.select({ id: cases.id, n: cases.caseNumber }).from(cases).all().map((r) => [r.id, r.n]));
    const importedNumbers = numbersIn(imported.db);
    const oneByOneNumbers = numbersIn(oneByOne.db);
    expect(importedIds).toHaveLength(60);
    expect(imported.db.select().from(caseRepeatLinks).all().length).toBeGreaterThanOrEqual(8);
    importedIds.forEach((id, i) => {
      const expected = caseAsRead(oneByOne.db, oneByOneIds[i] ?? "", (e) => oneByOneNumbers.get(e) ?? "?");
      expect(caseAsRead(imported.db, id, (e) => importedNumbers.get(e) ?? "?")).toEqual(expected);
    });
    expect(verifySealedValues(imported.db, getAppCipher()).failures).toEqual([]);
  });

  it("cases.get shows the coordinator the same case from either path", async () => {
    const get = async (db: Db, caseId: string) => {
      const user = coordinators.get(db);
      if (!user) throw new Error("no coordinator");
      return withoutIds(db, await createCaller(createInnerContext({ db, user, now: () => NOW })).cases.get({ caseId }), [caseId]);
    };
    for (const i of [0, 7, 41, 59]) expect(await get(imported.db, importedIds[i] ?? "")).toEqual(await get(oneByOne.db, oneByOneIds[i] ?? ""));
  });

  it("a referral's record is already what the case schema would make of it (intake does not parse it twice)", () => {
    const settings = getSettings(imported.db);
    const parsed = ZReferralImportFile.parse(file);
    for (const r of parsed.referrals) {
      const { record } = referralToCase(r, "case-1", "TS-2026-0001", [], { referringAgencyId: "agency-1", createdByUserId: null, now: NOW, settings, criteriaFromSource: true });
      expect(caseRecordSchema.parse(record)).toEqual(record);
    }
  });
});
