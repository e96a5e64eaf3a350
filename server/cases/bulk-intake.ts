import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "~/db/client";
import {
  caseDashAnswers,
  caseHouseholdMembers,
  caseNameTokens,
  caseNarratives,
  caseNumberSequences,
  casePerpetrators,
  caseRepeatLinks,
  cases,
  caseVictimViews,
  caseVictims,
} from "~/db/schema";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { EarlierReferral, EarlierReferralMatch, RepeatResult } from "~/server/domain/referral/repeat";
import { nameKeyTokens, nameTokens } from "~/server/domain/names";
import { caseRowsOf } from "./case-store";
import { caseNumberYear, referralToCase, type IntakeOptions } from "./intake";
import type { TReferral } from "./import-schema";

/**
 * The import in three steps (decisions 072, 078, 081): plan every referral in order (its id, case
 * number and the earlier referrals that could be the same victim, from the database and from
 * earlier in the file), prepare each case's rows (detector, scoring, sealing: no database, so on
 * any thread), then write the prepared rows through statements prepared once.
 */

/** The tables an import writes, by SQL name: prepared rows cross threads as plain data. */
const TABLES = Object.fromEntries(
  [cases, caseVictims, casePerpetrators, caseHouseholdMembers, caseDashAnswers, caseNarratives, caseVictimViews, caseNameTokens, caseRepeatLinks].map((t) => [getTableName(t), t]),
) as Record<string, SQLiteTable>;

/** One referral as planned: all that preparing its case needs besides the cipher and the options. */
export type PlannedCase = { referral: TReferral; referringAgencyId: string | null; caseId: string; caseNumber: string; candidates: EarlierReferral[] };

/** One table's rows of a case, as the values SQLite stores (mapped as drizzle maps them), in `columns` order. */
type TableRows = { table: string; columns: string[]; rows: unknown[][] };

/** A case ready to write: every row built and sealed. */
export type PreparedCase = { caseId: string; caseNumber: string; repeat: RepeatResult; matches: EarlierReferralMatch[]; tables: TableRows[] };

function tableRows(table: SQLiteTable, rows: readonly Record<string, unknown>[]): TableRows {
  const name = getTableName(table);
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] ?? {});
  const used = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${name} has no column ${k}`);
    return column;
  });
  return {
    table: name,
    columns: used.map((c) => c.name),
    rows: rows.map((r) => {
      // A row with other keys would lose values silently: refuse it instead.
      if (Object.keys(r).length !== keys.length) throw new Error(`${name}: rows of one case must have the same columns`);
      return keys.map((k, i) => {
        const v = r[k];
        return v === null || v === undefined ? null : used[i]?.mapToDriverValue(v);
      });
    }),
  };
}

/** What intakeReferral would store for this referral, as rows: touches no database. `opts` are the file's (its agency is the referral's own). */
export function prepareCase(cipher: FieldCipher, planned: PlannedCase, opts: Omit<IntakeOptions, "referringAgencyId">): PreparedCase {
  const { caseId, caseNumber } = planned;
  const { record, meta, scored, links, repeat, matches } = referralToCase(planned.referral, caseId, caseNumber, planned.candidates, { ...opts, referringAgencyId: planned.referringAgencyId });
  const rows = caseRowsOf(cipher, record, meta);
  const tables = [
    tableRows(cases, [{ ...rows.case, ...scored }]),
    tableRows(caseVictims, [rows.victim]),
    tableRows(casePerpetrators, rows.perpetrators),
    tableRows(caseHouseholdMembers, rows.household),
    tableRows(caseDashAnswers, rows.dash),
    tableRows(caseNarratives, [rows.narrative]),
    tableRows(caseVictimViews, [rows.views]),
    tableRows(caseNameTokens, rows.tokens),
    tableRows(caseRepeatLinks, links),
  ].filter((t) => t.rows.length > 0);
  return { caseId, caseNumber, repeat, matches, tables };
}

const victimTokens = (victim: { name: string; aliases: readonly string[] }) => [...new Set([victim.name, ...victim.aliases].flatMap((n) => [...nameTokens(n), ...nameKeyTokens(n)]))];

/**
 * Plans referrals in the order given (oldest first), reading the database once: every stored
 * victim (the rows earlierReferralCandidates would find: same date of birth, or a stored victim
 * name word in common) and the case-number counters. Each planned referral joins the candidates
 * of those after it, as it would if it were already written.
 */
export function importPlanner(db: Db, prefix: string) {
  const client = db.$client;
  const byDob = new Map<string, EarlierReferral[]>();
  const byToken = new Map<string, EarlierReferral[]>();
  const index = (map: Map<string, EarlierReferral[]>, key: string, e: EarlierReferral) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  const stored = new Map<string, EarlierReferral>();
  const victims = client.prepare<[], { caseId: string; caseNumber: string; referralDate: string; name: string; dob: string | null; aliases: string | null }>(
    `SELECT c.id AS caseId, c.case_number AS caseNumber, c.referral_date AS referralDate, v.name AS name, v.date_of_birth AS dob,
            CASE WHEN json_type(v.data, '$.aliases') = 'array' THEN json_extract(v.data, '$.aliases') END AS aliases
       FROM case_victims v JOIN cases c ON c.id = v.case_id`,
  );
  for (const r of victims.iterate()) {
    // Aliases are untagged, so they sit in the victim row's document in clear.
    const aliases = r.aliases === null ? [] : (JSON.parse(r.aliases) as unknown);
    const e: EarlierReferral = {
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      referralDate: r.referralDate,
      victimName: r.name,
      victimAliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === "string") : [],
      victimDateOfBirth: r.dob ?? undefined,
    };
    stored.set(e.caseId, e);
    if (r.dob !== null) index(byDob, r.dob, e);
  }
  // The words stored for each victim (as the search finds them), not recomputed: older cases keep theirs.
  for (const t of client.prepare<[], { caseId: string; token: string }>("SELECT case_id AS caseId, token FROM case_name_tokens WHERE party = 'victim'").iterate()) {
    const e = stored.get(t.caseId);
    if (e) index(byToken, t.token, e);
  }
  const last = new Map<number, number>(db.select().from(caseNumberSequences).all().map((r) => [r.year, r.last]));

  return {
    plan(referral: TReferral, referringAgencyId: string | null): PlannedCase {
      const year = caseNumberYear(referral);
      const next = (last.get(year) ?? 0) + 1;
      last.set(year, next);
      const caseId = crypto.randomUUID();
      const caseNumber = `${prefix}-${year}-${String(next).padStart(4, "0")}`;
      const { victim } = referral;
      const tokens = victimTokens(victim);
      const found = new Map<string, EarlierReferral>();
      if (victim.dateOfBirth !== undefined) for (const e of byDob.get(victim.dateOfBirth) ?? []) found.set(e.caseId, e);
      for (const t of tokens) for (const e of byToken.get(t) ?? []) found.set(e.caseId, e);
      const self: EarlierReferral = { caseId, caseNumber, referralDate: referral.referring.referralDate, victimName: victim.name, victimAliases: victim.aliases, victimDateOfBirth: victim.dateOfBirth };
      if (victim.dateOfBirth !== undefined) index(byDob, victim.dateOfBirth, self);
      for (const t of tokens) index(byToken, t, self);
      return { referral, referringAgencyId, caseId, caseNumber, candidates: [...found.values()] };
    },
    /** Each year's last case number once every referral is planned. */
    sequences: (): [number, number][] => [...last],
  };
}

/** Rows per statement at most: SQLite allows 32,766 bound values, and the widest row has about 16 columns. */
const MAX_ROWS_PER_STATEMENT = 64;

/**
 * Writes prepared cases through INSERTs prepared once per table, columns and row count (a case's
 * 28 Dash answers or its name tokens go in one statement). Use it inside `db.transaction` (one
 * connection: the statements run in it).
 */
export function bulkWriter(db: Db) {
  const client = db.$client;
  const statements = new Map<string, ReturnType<typeof client.prepare>>();
  const statement = (table: string, columns: string[], count: number) => {
    const key = `${table}|${columns.join(",")}|${count}`;
    let s = statements.get(key);
    if (!s) {
      if (!TABLES[table]) throw new Error(`An import does not write ${table}`);
      const tuple = `(${columns.map(() => "?").join(", ")})`;
      s = client.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: count }, () => tuple).join(", ")}`);
      statements.set(key, s);
    }
    return s;
  };
  return {
    write(prepared: PreparedCase): void {
      for (const { table, columns, rows } of prepared.tables) {
        for (let from = 0; from < rows.length; from += MAX_ROWS_PER_STATEMENT) {
          const chunk = rows.slice(from, from + MAX_ROWS_PER_STATEMENT);
          statement(table, columns, chunk.length).run(chunk.flat());
        }
      }
    },
    /** Stores each year's last case number. */
    finish(sequences: readonly [number, number][]): void {
      for (const [year, n] of sequences) db.insert(caseNumberSequences).values({ year, last: n }).onConflictDoUpdate({ target: caseNumberSequences.year, set: { last: n } }).run();
    },
  };
}
