import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import {
  caseDashAnswers,
  caseHouseholdMembers,
  caseNameTokens,
  caseNarratives,
  casePerpetrators,
  cases,
  caseSealingLegacy,
  caseVictimViews,
  caseVictims,
} from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { CASE_CATALOGUE } from "~/server/domain/case/catalogue";
import type { CatalogueFields } from "~/server/domain/case/catalogue-types";
import { DASH_QUESTION_IDS } from "~/server/domain/case/dash";
import { victimViewsSchema } from "~/server/domain/case/referral";
import { caseRecordSchema, type CaseRecord } from "~/server/domain/case/schema";
import { type CaseSharing, NOT_ASKED } from "~/server/domain/policy/victim-views";
import { nameKeyTokens, nameTokens } from "~/server/domain/names";
import type { CaseStatus } from "./import-schema";
import { openDocument, placeOf, sealDocument } from "./sealing";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type DbOrTx = Db | Tx;

const C = CASE_CATALOGUE;
/** The parts of the record kept on the `cases` row itself. */
const CASE_ROW_FIELDS: CatalogueFields = {
  referring: C.referring,
  criteria: C.criteria,
  consent: C.consent,
  dashAdditional: C.dash.fields.additionalConsiderations,
};
const { name: _vn, dateOfBirth: _vd, ...VICTIM_DATA_FIELDS } = C.victim.fields;
const { name: _pn, dateOfBirth: _pd, ...PERPETRATOR_DATA_FIELDS } = C.perpetrators.items;
const HOUSEHOLD_TAGS = C.householdMembers.tags;

export type CaseMeta = {
  status: CaseStatus;
  referringAgencyId: string | null;
  acceptedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdByUserId: string | null;
};

export function dashScore(record: CaseRecord): number {
  return DASH_QUESTION_IDS.filter((q) => record.dash.answers[q].answer === "yes").length;
}

/** Every row of one case, sealed and ready to insert (see writeCaseRows). */
export type CaseRows = {
  case: typeof cases.$inferInsert;
  victim: typeof caseVictims.$inferInsert;
  perpetrators: (typeof casePerpetrators.$inferInsert)[];
  household: (typeof caseHouseholdMembers.$inferInsert)[];
  dash: (typeof caseDashAnswers.$inferInsert)[];
  narrative: typeof caseNarratives.$inferInsert;
  views: typeof caseVictimViews.$inferInsert;
  tokens: (typeof caseNameTokens.$inferInsert)[];
};

/**
 * Builds (and seals) every row of a case without touching the database, so a bulk import can
 * insert them through prepared statements. Every sealed value is bound to `meta.version`.
 */
export function caseRowsOf(cipher: FieldCipher, record: CaseRecord, meta: CaseMeta): CaseRows {
  const caseId = record.caseId;
  const at = (table: string, rowId: string) => ({ table, rowId, version: meta.version });
  const { name, dateOfBirth, ...victimRest } = record.victim;
  const tokens = new Set<string>();
  // Words as typed (for search) and their spelling-variant keys (so repeat matching finds
  // "Mohammed" for "Muhammad"); both are untagged names.
  const tokensOf = (n: string) => [...nameTokens(n), ...nameKeyTokens(n)];
  for (const n of [record.victim.name, ...record.victim.aliases]) for (const t of tokensOf(n)) tokens.add(`victim|${t}`);
  for (const p of record.perpetrators) for (const n of [p.name, ...p.aliases]) for (const t of tokensOf(n)) tokens.add(`perpetrator|${t}`);
  return {
    case: {
      id: caseId,
      caseNumber: record.caseNumber,
      status: meta.status,
      referringAgencyId: meta.referringAgencyId,
      referringAgencyName: record.referring.agencyName,
      referralDate: record.referring.referralDate,
      dashScore: dashScore(record),
      acceptedAt: meta.acceptedAt,
      data: sealDocument(
        cipher,
        { referring: record.referring, criteria: record.criteria, consent: record.consent, dashAdditional: record.dash.additionalConsiderations },
        CASE_ROW_FIELDS,
        at("cases", caseId),
      ),
      version: meta.version,
      createdAt: meta.createdAt,
      updatedAt: meta.updatedAt,
      createdByUserId: meta.createdByUserId,
    },
    victim: { caseId, name, dateOfBirth: dateOfBirth ?? null, data: sealDocument(cipher, victimRest, VICTIM_DATA_FIELDS, at("case_victims", caseId)) },
    perpetrators: record.perpetrators.map((p, position) => {
      const id = `${caseId}:p${position}`;
      const { name: pName, dateOfBirth: pDob, ...rest } = p;
      return { id, caseId, position, name: pName, dateOfBirth: pDob ?? null, data: sealDocument(cipher, rest, PERPETRATOR_DATA_FIELDS, at("case_perpetrators", id)) };
    }),
    household: record.householdMembers.map((m, position) => {
      const id = `${caseId}:h${position}`;
      return { id, caseId, position, data: sealDocument(cipher, m, C.householdMembers.items, at("case_household_members", id), HOUSEHOLD_TAGS) };
    }),
    dash: DASH_QUESTION_IDS.map((q) => ({
      caseId,
      questionId: q,
      data: sealDocument(cipher, { answer: record.dash.answers[q] }, { answer: C.dash.fields.answers.fields[q] }, at("case_dash_answers", `${caseId}:${q}`)),
    })),
    narrative: { caseId, sealed: cipher.seal(JSON.stringify(record.narrative), placeOf(at("case_narratives", caseId), "narrative")) },
    views: { caseId, data: sealDocument(cipher, record.victimViews, C.victimViews.fields, at("case_victim_views", caseId)) },
    tokens: [...tokens].map((key) => {
      const [party, token] = key.split("|") as ["victim" | "perpetrator", string];
      return { caseId, token, party };
    }),
  };
}

/**
 * Writes every row of a case (replacing any earlier rows of the same case). Call inside a
 * transaction. Every sealed value is bound to `meta.version`: each write re-seals them all anyway.
 */
export function writeCaseRows(tx: Tx, cipher: FieldCipher, record: CaseRecord, meta: CaseMeta): void {
  const caseId = record.caseId;
  const rows = caseRowsOf(cipher, record, meta);
  tx.insert(cases).values(rows.case).onConflictDoUpdate({ target: cases.id, set: rows.case }).run();

  for (const table of [caseVictims, caseNarratives, caseVictimViews]) tx.delete(table).where(eq(table.caseId, caseId)).run();
  for (const table of [casePerpetrators, caseHouseholdMembers, caseDashAnswers, caseNameTokens]) tx.delete(table).where(eq(table.caseId, caseId)).run();

  tx.insert(caseVictims).values(rows.victim).run();
  // One multi-row statement per table: a case has up to 28 Dash answers and dozens of name tokens.
  if (rows.perpetrators.length > 0) tx.insert(casePerpetrators).values(rows.perpetrators).run();
  if (rows.household.length > 0) tx.insert(caseHouseholdMembers).values(rows.household).run();
  tx.insert(caseDashAnswers).values(rows.dash).run();
  tx.insert(caseNarratives).values(rows.narrative).run();
  tx.insert(caseVictimViews).values(rows.views).run();

  // Everything is now sealed under this version: the case is no longer a legacy one.
  tx.delete(caseSealingLegacy).where(eq(caseSealingLegacy.caseId, caseId)).run();
  if (rows.tokens.length > 0) tx.insert(caseNameTokens).values(rows.tokens).run();
}

// Every case page and pack reads each case through these, so Drizzle builds their SQL once per connection.
const byCaseId = sql.placeholder("caseId");
const q = {
  caseRow: preparedQuery((db) => db.select().from(cases).where(eq(cases.id, byCaseId)).prepare()),
  caseVersion: preparedQuery((db) => db.select({ version: cases.version }).from(cases).where(eq(cases.id, byCaseId)).prepare()),
  legacy: preparedQuery((db) => db.select().from(caseSealingLegacy).where(eq(caseSealingLegacy.caseId, byCaseId)).prepare()),
  victim: preparedQuery((db) => db.select().from(caseVictims).where(eq(caseVictims.caseId, byCaseId)).prepare()),
  perpetrators: preparedQuery((db) => db.select().from(casePerpetrators).where(eq(casePerpetrators.caseId, byCaseId)).orderBy(asc(casePerpetrators.position)).prepare()),
  household: preparedQuery((db) => db.select().from(caseHouseholdMembers).where(eq(caseHouseholdMembers.caseId, byCaseId)).orderBy(asc(caseHouseholdMembers.position)).prepare()),
  dash: preparedQuery((db) => db.select().from(caseDashAnswers).where(eq(caseDashAnswers.caseId, byCaseId)).prepare()),
  narrative: preparedQuery((db) => db.select().from(caseNarratives).where(eq(caseNarratives.caseId, byCaseId)).prepare()),
  views: preparedQuery((db) => db.select().from(caseVictimViews).where(eq(caseVictimViews.caseId, byCaseId)).prepare()),
};

/** Reads and decrypts a whole case record, or null if there is no such case. */
export function readCase(db: DbOrTx, cipher: FieldCipher, caseId: string): { record: CaseRecord; meta: CaseMeta & { caseNumber: string; dashScore: number } } | null {
  const row = q.caseRow(db).get({ caseId });
  if (!row) return null;
  // Values must open under the version on the cases row: one from an older version does not.
  const legacy = q.legacy(db).get({ caseId }) !== undefined;
  const at = (table: string, rowId: string) => ({ table, rowId, version: legacy ? undefined : row.version });
  const top = openDocument(cipher, row.data, CASE_ROW_FIELDS, at("cases", caseId));
  const victimRow = q.victim(db).get({ caseId });
  const perpetrators = q.perpetrators(db).all({ caseId });
  const household = q.household(db).all({ caseId });
  const dashRows = q.dash(db).all({ caseId });
  const narrative = q.narrative(db).get({ caseId });
  const views = q.views(db).get({ caseId });

  const answers: Record<string, unknown> = {};
  for (const d of dashRows) {
    const entry = C.dash.fields.answers.fields[d.questionId as (typeof DASH_QUESTION_IDS)[number]];
    answers[d.questionId] = openDocument(cipher, d.data, { answer: entry }, at("case_dash_answers", `${caseId}:${d.questionId}`)).answer;
  }
  const raw = {
    caseId,
    caseNumber: row.caseNumber,
    referring: top.referring,
    criteria: top.criteria,
    consent: top.consent,
    victim: victimRow
      ? { name: victimRow.name, dateOfBirth: victimRow.dateOfBirth ?? undefined, ...openDocument(cipher, victimRow.data, VICTIM_DATA_FIELDS, at("case_victims", caseId)) }
      : undefined,
    perpetrators: perpetrators.map((p) => ({
      name: p.name,
      dateOfBirth: p.dateOfBirth ?? undefined,
      ...openDocument(cipher, p.data, PERPETRATOR_DATA_FIELDS, at("case_perpetrators", p.id)),
    })),
    householdMembers: household.map((m) => openDocument(cipher, m.data, C.householdMembers.items, at("case_household_members", m.id), HOUSEHOLD_TAGS)),
    dash: { answers, additionalConsiderations: top.dashAdditional },
    victimViews: views ? openDocument(cipher, views.data, C.victimViews.fields, at("case_victim_views", caseId)) : undefined,
    narrative: narrative ? (JSON.parse(cipher.open(narrative.sealed, placeOf(at("case_narratives", caseId), "narrative"))) as unknown) : undefined,
  };
  // Re-validating what we stored catches a corrupted or hand-edited row before anyone sees it.
  const record = caseRecordSchema.parse(raw);
  return {
    record,
    meta: {
      status: row.status,
      referringAgencyId: row.referringAgencyId,
      acceptedAt: row.acceptedAt,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      createdByUserId: row.createdByUserId,
      caseNumber: row.caseNumber,
      dashScore: row.dashScore,
    },
  };
}

const PER_TAG_ONLY: CatalogueFields = { perTag: C.victimViews.fields.perTag };

/**
 * What every tag decision on this case needs (its id and the victim's views), without opening the
 * rest of the record: items beside a case (flags, actions, research, minutes) are narrowed by her
 * views just as the record is. Reads as readCase would: a missing row is "not asked".
 */
export function readCaseSharing(db: DbOrTx, cipher: FieldCipher, caseId: string): CaseSharing {
  const row = q.caseVersion(db).get({ caseId });
  const views = q.views(db).get({ caseId });
  if (!row || !views) return { caseId, views: NOT_ASKED };
  const legacy = q.legacy(db).get({ caseId }) !== undefined;
  const opened = openDocument(cipher, views.data, PER_TAG_ONLY, { table: "case_victim_views", rowId: caseId, version: legacy ? undefined : row.version });
  return { caseId, views: victimViewsSchema.parse({ perTag: opened.perTag }).perTag };
}

/** For lists spanning many cases (actions, minutes): each case's views are read once, when first needed. */
export function caseSharingReader(db: DbOrTx, cipher: FieldCipher): (caseId: string) => CaseSharing {
  const read = new Map<string, CaseSharing>();
  return (caseId) => {
    let found = read.get(caseId);
    if (!found) {
      found = readCaseSharing(db, cipher, caseId);
      read.set(caseId, found);
    }
    return found;
  };
}
