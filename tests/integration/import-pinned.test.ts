import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db/client";
import { makeAgency } from "~/db/factories";
import { agencies, caseNameTokens, caseRepeatLinks, cases, users } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { readCase } from "~/server/cases/case-store";
import { ZReferralImportFile, type TReferral } from "~/server/cases/import-schema";
import { intakeReferral, referralToCase } from "~/server/cases/intake";
import { verifySealedValues } from "~/server/cases/verify-sealed";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { caseRecordSchema } from "~/server/domain/case/schema";
import { buildCase } from "~/server/domain/testing/build-case";
import { randomSource } from "~/server/domain/testing/sources";
import { importReferrals } from "~/server/services/case-import";
import { importReferralsInPool } from "~/server/services/case-import-pool";
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

/** Referrals already in the database before the import, some of the same victims (found from the stored rows). */
function storedEarlier() {
  return Array.from({ length: 6 }, (_, i) => {
    const record = buildCase(randomSource(8_000 + i)).record;
    return asReferral({ ...record, referring: { ...record.referring, referralDate: `2024-0${1 + i}-15` } }, "Police");
  });
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

describe("the import stores each case exactly as the one-by-one intake does (issue #14 §4, decisions 078 and 081)", () => {
  const imported = freshDb();
  const pooled = freshDb();
  const oneByOne = freshDb();
  const earlier = storedEarlier();
  const file = importFile(
    ...referrals().map((r, i) => {
      const stored = i % 9 === 4 ? earlier[(i / 9) | 0] : undefined;
      return stored ? { ...r, victim: { ...r.victim, name: stored.victim.name, dateOfBirth: stored.victim.dateOfBirth, aliases: stored.victim.aliases } } : r;
    }),
  );
  let importedIds: string[] = [];
  let pooledIds: string[] = [];
  let oneByOneIds: string[] = [];
  let coordinators: Map<Db, SessionUser>;
  afterAll(() => {
    imported.cleanup();
    pooled.cleanup();
    oneByOne.cleanup();
  });

  /** Each referral through intakeReferral, in the order given. */
  function oneByOneIntake(db: Db, referrals: readonly TReferral[]): string[] {
    const agencyId = db.$client.prepare("SELECT id FROM agencies").pluck().get() as string;
    const settings = getSettings(db);
    return db.transaction((tx) => referrals.map((r) => intakeReferral(tx, getAppCipher(), r, { referringAgencyId: agencyId, createdByUserId: null, now: NOW, settings, criteriaFromSource: true }).caseId));
  }

  beforeAll(async () => {
    const stored = ZReferralImportFile.parse(importFile(...earlier)).referrals;
    for (const t of [imported, pooled, oneByOne]) oneByOneIntake(t.db, stored);

    const result = importReferrals(imported.db, getAppCipher(), null, file, NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    importedIds = result.caseIds;
    const inPool = await importReferralsInPool(pooled.db, null, file, NOW, { threads: 2, lowPriority: false });
    if (!inPool.ok) throw new Error(JSON.stringify(inPool.issues.slice(0, 3)));
    pooledIds = inPool.caseIds;

    // The per-record path: each referral through intakeReferral, oldest first, as the import orders them.
    const parsed = ZReferralImportFile.parse(file);
    const order = parsed.referrals.map((r, i) => ({ r, i })).sort((a, b) => a.r.referring.referralDate.localeCompare(b.r.referring.referralDate) || a.i - b.i);
    const ids = oneByOneIntake(oneByOne.db, order.map((o) => o.r));
    oneByOneIds = new Array<string>(order.length);
    order.forEach(({ i }, n) => (oneByOneIds[i] = ids[n] ?? ""));
    coordinators = new Map([
      [imported.db, await sessionUserFor(imported.db, "coordinator", "police")],
      [pooled.db, await sessionUserFor(pooled.db, "coordinator", "police")],
      [oneByOne.db, await sessionUserFor(oneByOne.db, "coordinator", "police")],
    ]);
  }, 120_000);

  it.each([
    ["on this thread", () => ({ db: imported.db, ids: importedIds })],
    ["on a pool of threads", () => ({ db: pooled.db, ids: pooledIds })],
  ])("every case prepared %s, its repeat links and its name tokens read the same, and every sealed value opens", (_how, which) => {
    const { db, ids } = which();
    const numbersIn = (d: Db) => new Map(d.select({ id: cases.id, n: cases.caseNumber }).from(cases).all().map((r) => [r.id, r.n]));
    const importedNumbers = numbersIn(db);
    const oneByOneNumbers = numbersIn(oneByOne.db);
    expect(ids).toHaveLength(60);
    const links = db.select().from(caseRepeatLinks).all();
    // Repeats found earlier in the file, and of cases stored before the import (numbered in 2024).
    const toStored = links.filter((l) => (importedNumbers.get(l.earlierCaseId) ?? "").includes("-2024-")).length;
    expect(toStored).toBeGreaterThanOrEqual(5);
    expect(links.length - toStored).toBeGreaterThanOrEqual(7);
    ids.forEach((id, i) => {
      const expected = caseAsRead(oneByOne.db, oneByOneIds[i] ?? "", (e) => oneByOneNumbers.get(e) ?? "?");
      expect(caseAsRead(db, id, (e) => importedNumbers.get(e) ?? "?")).toEqual(expected);
    });
    expect(verifySealedValues(db, getAppCipher()).failures).toEqual([]);
  });

  it("cases.get shows the coordinator the same case from either path", async () => {
    const get = async (db: Db, caseId: string) => {
      const user = coordinators.get(db);
      if (!user) throw new Error("no coordinator");
      return withoutIds(db, await createCaller(createInnerContext({ db, user, now: () => NOW })).cases.get({ caseId }), [caseId]);
    };
    for (const i of [0, 4, 7, 41, 59]) {
      const expected = await get(oneByOne.db, oneByOneIds[i] ?? "");
      expect(await get(imported.db, importedIds[i] ?? "")).toEqual(expected);
      expect(await get(pooled.db, pooledIds[i] ?? "")).toEqual(expected);
    }
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
