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
import type { EarlierReferral } from "~/server/domain/referral/repeat";
import { nameKeyTokens, nameTokens } from "~/server/domain/names";
import { caseRowsOf } from "./case-store";
import { caseNumberYear, referralToCase, type IntakeOptions, type IntakeResult } from "./intake";
import type { TReferral } from "./import-schema";

/**
 * An INSERT of `count` rows prepared once for the columns named in `row` (every row given later
 * must have the same keys), each value mapped to SQLite as drizzle would (JSON, timestamps,
 * booleans).
 */
function preparedInsert(client: Db["$client"], table: SQLiteTable, row: Record<string, unknown>, count: number) {
  const columns = getTableColumns(table);
  const keys = Object.keys(row);
  const used = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return column;
  });
  const tuple = `(${used.map(() => "?").join(", ")})`;
  const statement = client.prepare(`INSERT INTO "${getTableName(table)}" (${used.map((c) => `"${c.name}"`).join(", ")}) VALUES ${Array.from({ length: count }, () => tuple).join(", ")}`);
  const values: unknown[] = new Array<unknown>(keys.length * count);
  return (rows: readonly Record<string, unknown>[]) => {
    rows.forEach((r, n) => {
      // A row with other keys would lose values silently: refuse it instead.
      if (Object.keys(r).length !== keys.length) throw new Error(`${getTableName(table)}: rows of one import must have the same columns`);
      keys.forEach((k, i) => {
        const v = r[k];
        values[n * keys.length + i] = v === null || v === undefined ? null : used[i]?.mapToDriverValue(v);
      });
    });
    statement.run(values);
  };
}

/** Rows per statement at most: SQLite allows 32,766 bound values, and the widest row has about 16 columns. */
const MAX_ROWS_PER_STATEMENT = 64;

/**
 * Intake for many referrals in one transaction (the import): the same steps as intakeReferral
 * (referralToCase, then every row written), with every statement prepared once, case numbers
 * counted in memory and stored once at the end, and the earlier-referral candidates found by one
 * prepared query. Use it inside `db.transaction` (one connection: the statements run in it), and
 * call `finish()` before the transaction commits.
 */
export function bulkIntake(db: Db, cipher: FieldCipher, prefix: string) {
  const client = db.$client;
  // Same rows as earlierReferralCandidates: same date of birth, or a victim name word in common.
  // Only the aliases of each candidate's document are read (not the whole sealed document).
  const candidatesQuery = client.prepare<{ dob: string | null; tokens: string }, { caseId: string; caseNumber: string; referralDate: string; name: string; dob: string | null; aliases: string | null }>(
    `SELECT c.id AS caseId, c.case_number AS caseNumber, c.referral_date AS referralDate, v.name AS name, v.date_of_birth AS dob,
            CASE WHEN json_type(v.data, '$.aliases') = 'array' THEN json_extract(v.data, '$.aliases') END AS aliases
       FROM case_victims v JOIN cases c ON c.id = v.case_id
      WHERE v.date_of_birth = @dob
         OR v.case_id IN (SELECT case_id FROM case_name_tokens WHERE party = 'victim' AND token IN (SELECT value FROM json_each(@tokens)))`,
  );
  const last = new Map<number, number>(db.select().from(caseNumberSequences).all().map((r) => [r.year, r.last]));
  // One statement per table and row count: a case's 28 Dash answers or its name tokens go in one INSERT.
  const inserts = new Map<SQLiteTable, Map<number, ReturnType<typeof preparedInsert>>>();
  const insert = (table: SQLiteTable, rows: readonly Record<string, unknown>[]) => {
    for (let from = 0; from < rows.length; from += MAX_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(from, from + MAX_ROWS_PER_STATEMENT);
      let byCount = inserts.get(table);
      if (!byCount) {
        byCount = new Map();
        inserts.set(table, byCount);
      }
      let statement = byCount.get(chunk.length);
      if (!statement) {
        statement = preparedInsert(client, table, chunk[0] ?? {}, chunk.length);
        byCount.set(chunk.length, statement);
      }
      statement(chunk);
    }
  };

  function candidates(victim: TReferral["victim"]): EarlierReferral[] {
    const tokens = [...new Set([victim.name, ...victim.aliases].flatMap((n) => [...nameTokens(n), ...nameKeyTokens(n)]))];
    if (!victim.dateOfBirth && tokens.length === 0) return [];
    return candidatesQuery.all({ dob: victim.dateOfBirth ?? null, tokens: JSON.stringify(tokens) }).map((r) => {
      // Aliases are untagged, so they sit in the victim row's document in clear.
      const aliases = r.aliases === null ? [] : (JSON.parse(r.aliases) as unknown);
      return {
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        referralDate: r.referralDate,
        victimName: r.name,
        victimAliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === "string") : [],
        victimDateOfBirth: r.dob ?? undefined,
      };
    });
  }

  return {
    add(referral: TReferral, opts: IntakeOptions): IntakeResult {
      const year = caseNumberYear(referral);
      const next = (last.get(year) ?? 0) + 1;
      last.set(year, next);
      const caseId = crypto.randomUUID();
      const caseNumber = `${prefix}-${year}-${String(next).padStart(4, "0")}`;
      const { record, meta, scored, links, repeat, matches } = referralToCase(referral, caseId, caseNumber, candidates(referral.victim), opts);
      const rows = caseRowsOf(cipher, record, meta);
      insert(cases, [{ ...rows.case, ...scored }]);
      insert(caseVictims, [rows.victim]);
      insert(casePerpetrators, rows.perpetrators);
      insert(caseHouseholdMembers, rows.household);
      insert(caseDashAnswers, rows.dash);
      insert(caseNarratives, [rows.narrative]);
      insert(caseVictimViews, [rows.views]);
      insert(caseNameTokens, rows.tokens);
      insert(caseRepeatLinks, links);
      return { caseId, caseNumber, repeat, matches };
    },
    finish(): void {
      for (const [year, n] of last) db.insert(caseNumberSequences).values({ year, last: n }).onConflictDoUpdate({ target: caseNumberSequences.year, set: { last: n } }).run();
    },
  };
}
