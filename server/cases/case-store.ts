import { asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import {
  caseDashAnswers,
  caseHouseholdMembers,
  caseNameTokens,
  caseNarratives,
  casePerpetrators,
  cases,
  caseVictimViews,
  caseVictims,
} from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { CASE_CATALOGUE } from "~/server/domain/case/catalogue";
import type { CatalogueFields } from "~/server/domain/case/catalogue-types";
import { DASH_QUESTION_IDS } from "~/server/domain/case/dash";
import { caseRecordSchema, type CaseRecord } from "~/server/domain/case/schema";
import { nameKeyTokens, nameTokens } from "~/server/domain/names";
import type { CaseStatus } from "./import-schema";
import { openDocument, sealDocument } from "./sealing";

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

/** Writes every row of a case (replacing any earlier rows of the same case). Call inside a transaction. */
export function writeCaseRows(tx: Tx, cipher: FieldCipher, record: CaseRecord, meta: CaseMeta): void {
  const caseId = record.caseId;
  const row = {
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
      { table: "cases", rowId: caseId },
    ),
    version: meta.version,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    createdByUserId: meta.createdByUserId,
  };
  tx.insert(cases).values(row).onConflictDoUpdate({ target: cases.id, set: row }).run();

  for (const table of [caseVictims, caseNarratives, caseVictimViews]) tx.delete(table).where(eq(table.caseId, caseId)).run();
  for (const table of [casePerpetrators, caseHouseholdMembers, caseDashAnswers, caseNameTokens]) tx.delete(table).where(eq(table.caseId, caseId)).run();

  const { name, dateOfBirth, ...victimRest } = record.victim;
  tx.insert(caseVictims)
    .values({ caseId, name, dateOfBirth: dateOfBirth ?? null, data: sealDocument(cipher, victimRest, VICTIM_DATA_FIELDS, { table: "case_victims", rowId: caseId }) })
    .run();
  record.perpetrators.forEach((p, position) => {
    const id = `${caseId}:p${position}`;
    const { name: pName, dateOfBirth: pDob, ...rest } = p;
    tx.insert(casePerpetrators)
      .values({ id, caseId, position, name: pName, dateOfBirth: pDob ?? null, data: sealDocument(cipher, rest, PERPETRATOR_DATA_FIELDS, { table: "case_perpetrators", rowId: id }) })
      .run();
  });
  record.householdMembers.forEach((m, position) => {
    const id = `${caseId}:h${position}`;
    tx.insert(caseHouseholdMembers)
      .values({ id, caseId, position, data: sealDocument(cipher, m, C.householdMembers.items, { table: "case_household_members", rowId: id }, HOUSEHOLD_TAGS) })
      .run();
  });
  for (const q of DASH_QUESTION_IDS) {
    const entry = C.dash.fields.answers.fields[q];
    tx.insert(caseDashAnswers)
      .values({ caseId, questionId: q, data: sealDocument(cipher, { answer: record.dash.answers[q] }, { answer: entry }, { table: "case_dash_answers", rowId: `${caseId}:${q}` }) })
      .run();
  }
  tx.insert(caseNarratives)
    .values({ caseId, sealed: cipher.seal(JSON.stringify(record.narrative), `case_narratives:${caseId}:narrative`) })
    .run();
  tx.insert(caseVictimViews)
    .values({ caseId, data: sealDocument(cipher, record.victimViews, C.victimViews.fields, { table: "case_victim_views", rowId: caseId }) })
    .run();

  const tokens = new Set<string>();
  // Words as typed (for search) and their spelling-variant keys (so repeat matching finds
  // "Mohammed" for "Muhammad"); both are untagged names.
  const tokensOf = (n: string) => [...nameTokens(n), ...nameKeyTokens(n)];
  for (const n of [record.victim.name, ...record.victim.aliases]) for (const t of tokensOf(n)) tokens.add(`victim|${t}`);
  for (const p of record.perpetrators) for (const n of [p.name, ...p.aliases]) for (const t of tokensOf(n)) tokens.add(`perpetrator|${t}`);
  for (const key of tokens) {
    const [party, token] = key.split("|") as ["victim" | "perpetrator", string];
    tx.insert(caseNameTokens).values({ caseId, token, party }).run();
  }
}

/** Reads and decrypts a whole case record, or null if there is no such case. */
export function readCase(db: DbOrTx, cipher: FieldCipher, caseId: string): { record: CaseRecord; meta: CaseMeta & { caseNumber: string; dashScore: number } } | null {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) return null;
  const top = openDocument(cipher, row.data, CASE_ROW_FIELDS, { table: "cases", rowId: caseId });
  const victimRow = db.select().from(caseVictims).where(eq(caseVictims.caseId, caseId)).get();
  const perpetrators = db.select().from(casePerpetrators).where(eq(casePerpetrators.caseId, caseId)).orderBy(asc(casePerpetrators.position)).all();
  const household = db.select().from(caseHouseholdMembers).where(eq(caseHouseholdMembers.caseId, caseId)).orderBy(asc(caseHouseholdMembers.position)).all();
  const dashRows = db.select().from(caseDashAnswers).where(eq(caseDashAnswers.caseId, caseId)).all();
  const narrative = db.select().from(caseNarratives).where(eq(caseNarratives.caseId, caseId)).get();
  const views = db.select().from(caseVictimViews).where(eq(caseVictimViews.caseId, caseId)).get();

  const answers: Record<string, unknown> = {};
  for (const d of dashRows) {
    const entry = C.dash.fields.answers.fields[d.questionId as (typeof DASH_QUESTION_IDS)[number]];
    answers[d.questionId] = openDocument(cipher, d.data, { answer: entry }, { table: "case_dash_answers", rowId: `${caseId}:${d.questionId}` }).answer;
  }
  const raw = {
    caseId,
    caseNumber: row.caseNumber,
    referring: top.referring,
    criteria: top.criteria,
    consent: top.consent,
    victim: victimRow
      ? { name: victimRow.name, dateOfBirth: victimRow.dateOfBirth ?? undefined, ...openDocument(cipher, victimRow.data, VICTIM_DATA_FIELDS, { table: "case_victims", rowId: caseId }) }
      : undefined,
    perpetrators: perpetrators.map((p) => ({
      name: p.name,
      dateOfBirth: p.dateOfBirth ?? undefined,
      ...openDocument(cipher, p.data, PERPETRATOR_DATA_FIELDS, { table: "case_perpetrators", rowId: p.id }),
    })),
    householdMembers: household.map((m) => openDocument(cipher, m.data, C.householdMembers.items, { table: "case_household_members", rowId: m.id }, HOUSEHOLD_TAGS)),
    dash: { answers, additionalConsiderations: top.dashAdditional },
    victimViews: views ? openDocument(cipher, views.data, C.victimViews.fields, { table: "case_victim_views", rowId: caseId }) : undefined,
    narrative: narrative ? (JSON.parse(cipher.open(narrative.sealed, `case_narratives:${caseId}:narrative`)) as unknown) : undefined,
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
